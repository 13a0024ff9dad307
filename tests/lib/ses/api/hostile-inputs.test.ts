/**
 * The simulator on hostile input: outcome-rule globs are matched without backtracking (also when
 * they arrive in an imported state), and whatever the engine cannot process comes back as an SES
 * error, never a bare RangeError. The timeout is a generous cap, not a measurement.
 */
import { fc, test as propertyTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { asSesError, SesError } from '../../../../src/lib/ses/api/errors.ts';
import { outcomeFor, patternMatches } from '../../../../src/lib/ses/account/outcome-rules.ts';
import { propertyRuns } from '../../../support/property-runs.ts';
import { backtrackingGlob, longRfc2231Value } from '../../../support/hostile-inputs.ts';
import { simulator } from '../support.ts';

const CAP_MS = 30_000;

/** The matcher the simulator once used, as the reference on small inputs. */
function globByRegExp(pattern: string, address: string): boolean {
  let source = '';
  for (const c of pattern) {
    if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'is').test(address);
}

describe('outcome-rule globs', () => {
  const small = fc.string({
    unit: fc.constantFrom('a', 'b', 'A', '@', '.', '*', '?'),
    maxLength: 10,
  });
  propertyTest.prop(
    [small, fc.string({ unit: fc.constantFrom('a', 'b', 'B', '@', '.'), maxLength: 12 })],
    propertyRuns(),
  )('match exactly what the regular expression matched', (pattern, address) => {
    expect(patternMatches(pattern, address)).toBe(globByRegExp(pattern, address));
  });

  test(
    '`*a*a*a*a*a*a*a*a*a*ab` against a long address, directly and from an imported state',
    () => {
      const { pattern, address } = backtrackingGlob(10, 100_000);
      expect(patternMatches(pattern, address)).toBe(false);
      const ses = simulator();
      const state = ses.exportState();
      state.outcomeRules = [{ pattern, outcome: { kind: 'hard-bounce', status: '5.1.1' } }];
      ses.importState(state);
      expect(outcomeFor(ses.exportState().outcomeRules, address)).toEqual({ kind: 'delivery' });
    },
    CAP_MS,
  );
});

describe('engine failures become SES errors', () => {
  test('a resource the message exhausted is MessageRejected; misuse stays a RangeError', () => {
    const overflow = new RangeError('Maximum call stack size exceeded');
    const answer = asSesError(overflow);
    expect(answer).toBeInstanceOf(SesError);
    expect((answer as SesError).code).toBe('MessageRejected');
    expect(asSesError(new TypeError('x is undefined'))).toBeInstanceOf(SesError);
    const misuse = new RangeError('Time can only move forward.');
    expect(asSesError(misuse)).toBe(misuse);
  });

  test(
    'an RFC 2231 value of 124,000 characters is sent and received without a RangeError',
    async () => {
      const ses = simulator();
      const raw = longRfc2231Value(124_000).replace(
        'b@example.com',
        'success@simulator.amazonses.com',
      );
      expect(ses.sendEmail({ Content: { Raw: { Data: raw } } }).MessageId).toBeTruthy();
      ses.advance(1000);
      await expect(ses.sendEmailAsync({ Content: { Raw: { Data: raw } } })).resolves.toBeTruthy();
      expect(() => ses.receiveEmail({ raw })).not.toThrow();
      await expect(ses.receiveEmailAsync({ raw })).resolves.toBeTruthy();
    },
    CAP_MS,
  );
});
