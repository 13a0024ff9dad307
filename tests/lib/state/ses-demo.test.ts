import { describe, expect, test } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { buildMessage } from '../../../src/lib/mime/index.ts';
import { sesV2SendEmail } from '../../../src/lib/export/index.ts';
import { createSesSimulator } from '../../../src/lib/ses/index.ts';
import { toEngineDraft } from '../../../src/lib/state/draft-fields.ts';
import { sampleFields, sampleLogo, SAMPLE_LOGO_ID } from '../../../src/lib/state/sample-draft.ts';
import { DEMO_HISTORY_MS, demoAccountPlan, demoState } from '../../../src/lib/state/ses-demo.ts';
import { preflightSend } from '../../../src/lib/state/ses-preflight.ts';
import { sendDraft } from '../../../src/lib/state/ses-send.ts';
import { SesStore } from '../../../src/lib/state/ses.svelte.ts';

const NOW = Date.UTC(2026, 5, 1, 9, 30);

function sampleDraft() {
  return toEngineDraft(sampleFields(), (id) => (id === SAMPLE_LOGO_ID ? sampleLogo() : undefined));
}

describe('the demo account', () => {
  test('is read from the sample draft', () => {
    expect(demoAccountPlan()).toEqual({
      from: 'Tea & Mugs Shop <orders@shop.example.com>',
      domain: 'shop.example.com',
      recipients: ['ana@example.net'],
      configurationSet: 'transactional',
    });
  });

  test('accepts the sample draft’s first send, and pre-flight finds nothing to fix', async () => {
    const sim = createSesSimulator({ now: () => new Date(NOW), state: demoState(NOW) });
    const draft = sampleDraft();
    const { request } = sesV2SendEmail({
      draft,
      built: buildMessage(draft, { now: new Date(NOW) }),
    });
    const report = preflightSend(
      {
        region: sim.exportState().region,
        identities: sim.listIdentities(),
        configurationSets: sim.configurationSets(),
        account: sim.getAccount(),
      },
      { request, headers: draft.headers ?? [] },
    );
    expect(report).toEqual({ findings: [] });
    const { MessageId } = await sim.sendEmailAsync(request);
    expect(sim.messages().at(-1)?.messageId).toBe(MessageId);
  });

  test('has an hour of settled mail to the mailbox simulator that counts toward nothing', () => {
    const state = demoState(NOW);
    const sim = createSesSimulator({ now: () => new Date(NOW), state });
    expect(sim.listIdentities().map((i) => i.identity)).toEqual([
      'shop.example.com',
      'ana@example.net',
    ]);
    expect(sim.configurationSets().map((s) => [s.name, s.eventDestinations.length])).toEqual([
      ['transactional', 1],
    ]);
    const messages = sim.messages();
    expect(messages.map((m) => [m.destination[0], m.recipients[0]?.status])).toEqual([
      ['success@simulator.amazonses.com', 'delivered'],
      ['bounce@simulator.amazonses.com', 'bounced'],
      ['ooto@simulator.amazonses.com', 'delivered'],
      ['complaint@simulator.amazonses.com', 'delivered'],
    ]);
    expect(messages.every((m) => Date.parse(m.timestamp) >= NOW - DEMO_HISTORY_MS)).toBe(true);
    expect(state.notifications.map((n) => n.notificationType).sort()).toEqual(
      ['Bounce', 'Bounce', 'Complaint', 'Delivery', 'Delivery', 'Delivery'].sort(),
    );
    expect(state.events.length).toBeGreaterThan(0);
    expect(state.clockOffsetMs).toBe(0);
    expect(sim.nextScheduledAt()).toBeUndefined();
    expect(sim.getAccount().SendQuota.SentLast24Hours).toBe(0);
    expect(sim.reputation().sent).toBe(0);
    // Each call gives the same account for the same moment.
    expect(demoState(NOW)).toEqual(state);
  });
});

describe('the SES store’s starting point', () => {
  const clock = () => new Date(NOW);

  test('a fresh page seeds the demo account and saves it; a saved state is kept as it is', async () => {
    const factory = new IDBFactory();
    const first = new SesStore({ factory, now: clock, autoRefresh: false, fresh: 'demo' });
    await first.load();
    expect(first.view!.identities).toHaveLength(2);
    const sent = await sendDraft(sampleDraft(), { store: first, now: new Date(NOW) });
    expect(sent).toMatchObject({ ok: true });
    first.deleteIdentity('ana@example.net');
    await first.flush();
    first.dispose();

    const second = new SesStore({ factory, now: clock, autoRefresh: false, fresh: 'demo' });
    await second.load();
    expect(second.view!.identities.map((i) => i.identity)).toEqual(['shop.example.com']);
    expect(second.view!.messages).toHaveLength(5);
    second.dispose();
  });

  test('without a starting point a fresh store is empty', async () => {
    const store = new SesStore({ factory: new IDBFactory(), now: clock, autoRefresh: false });
    await store.load();
    expect(store.view!.identities).toEqual([]);
    expect(store.view!.messages).toEqual([]);
  });

  test('reset offers an empty account or the demo, and says when the change is saved', async () => {
    const store = new SesStore({ factory: new IDBFactory(), now: clock, autoRefresh: false });
    await store.load();
    await store.flush();
    expect(store.saving).toBe(false);
    store.reset('demo');
    expect(store.saving).toBe(true);
    expect(store.view!.configurationSets.map((s) => s.name)).toEqual(['transactional']);
    expect(store.view!.messages).toHaveLength(4);
    await store.flush();
    await Promise.resolve();
    expect(store.saving).toBe(false);
    store.reset('empty');
    expect(store.view!.identities).toEqual([]);
    expect(store.view!.configurationSets).toEqual([]);
    expect(store.view!.messages).toEqual([]);
  });
});
