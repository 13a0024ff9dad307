import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { keyedSimulator } from './identity-support.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Action =
  | { kind: 'publish'; index: number }
  | { kind: 'unpublish'; index: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'click' };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('publish' as const), index: fc.nat(2) }),
  fc.record({ kind: fc.constant('unpublish' as const), index: fc.nat(2) }),
  fc.record({
    kind: fc.constant('advance' as const),
    ms: fc.oneof(fc.integer({ min: 0, max: 10 * MINUTE }), fc.integer({ min: 0, max: 30 * HOUR })),
  }),
  fc.record({ kind: fc.constant('click' as const) }),
);

describe('identity lifecycles over random sequences', () => {
  it('only move PENDING → SUCCESS or FAILED, verify only with records in place, and never miss them', async () => {
    const base = await keyedSimulator();
    const state = base.exportState();
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 25 }), async (actions) => {
        const ses = await keyedSimulator();
        ses.importState(structuredClone(state));
        ses.createEmailIdentity('example.com');
        ses.createEmailIdentity('ana@example.net');
        const records = ses.requiredDnsRecords('example.com');
        const published = new Set<number>();
        let elapsed = 0;
        let fullSince: number | undefined;
        let clickedAt: number | undefined;
        const statuses = () => ({
          domain: ses.getEmailIdentity('example.com').VerificationStatus,
          address: ses.getEmailIdentity('ana@example.net').VerificationStatus,
        });
        let before = statuses();
        for (const step of actions) {
          if (step.kind === 'publish' || step.kind === 'unpublish') {
            const record = records[step.index]!;
            const { name, type, value } = record;
            if (step.kind === 'publish') {
              ses.putDnsRecord({ name, type, value });
              published.add(step.index);
            } else {
              ses.deleteDnsRecord({ name, type });
              published.delete(step.index);
            }
            const full = published.size === 3;
            if (full && fullSince === undefined) fullSince = elapsed;
            if (!full) fullSince = undefined;
          } else if (step.kind === 'advance') {
            ses.advance(step.ms);
            elapsed += step.ms;
          } else if (before.address === 'PENDING' && elapsed < 24 * HOUR) {
            ses.clickVerificationLink('ana@example.net');
            clickedAt = elapsed;
          }
          const after = statuses();
          for (const key of ['domain', 'address'] as const) {
            // Settled statuses never change again.
            if (before[key] !== 'PENDING') expect(after[key]).toBe(before[key]);
            expect(['PENDING', 'SUCCESS', 'FAILED']).toContain(after[key]);
          }
          const window = 72 * HOUR;
          if (after.domain === 'FAILED') expect(elapsed).toBeGreaterThanOrEqual(window);
          if (after.domain === 'PENDING') {
            expect(elapsed).toBeLessThan(window);
            // Liveness: records in place through a whole check interval verify the domain.
            if (fullSince !== undefined) expect(elapsed - fullSince).toBeLessThan(5 * MINUTE);
          }
          if (before.domain === 'PENDING' && after.domain === 'SUCCESS') {
            expect(fullSince).toBeDefined();
          }
          if (after.address === 'SUCCESS') expect(clickedAt).toBeDefined();
          if (after.address === 'FAILED') expect(clickedAt).toBeUndefined();
          const verified = ses.listIdentities().map((r) => r.identity);
          expect(verified.includes('example.com')).toBe(after.domain === 'SUCCESS');
          expect(verified.includes('ana@example.net')).toBe(after.address === 'SUCCESS');
          before = after;
        }
      }),
      { numRuns: 40 },
    );
  });
});
