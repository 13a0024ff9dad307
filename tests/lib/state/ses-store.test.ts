import { describe, expect, test, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { SesStore, describeError } from '../../../src/lib/state/ses.svelte.ts';
import { sendDraft } from '../../../src/lib/state/ses-send.ts';
import { simulatedNote } from '../../../src/lib/state/ses-error-notes.ts';
import { SesError, SIMULATOR_WORDING } from '../../../src/lib/ses/index.ts';
import {
  buildFeed,
  feedbackKind,
  filterFeed,
  payloadRecipients,
} from '../../../src/lib/components/ses/feed.ts';

/** A wall clock the test moves by hand. */
function manualClock(start = Date.UTC(2026, 2, 1)) {
  let now = start;
  return { now: () => new Date(now), tick: (ms: number) => (now += ms) };
}

const draft = (to: string, subject = 'Hello') => ({
  from: 'Sender <sender@example.com>',
  to: [to],
  subject,
  text: 'Hello there.',
});

describe('SES store', () => {
  test('every change reaches IndexedDB and a new page continues from it', async () => {
    const factory = new IDBFactory();
    const clock = manualClock();
    const first = new SesStore({ factory, now: clock.now, autoRefresh: false });
    await first.load();
    first.verifyIdentity('sender@example.com');
    first.putSuppressedDestination('gone@example.net', 'BOUNCE');
    const sent = await sendDraft(draft('success@simulator.amazonses.com'), { store: first });
    expect(sent.ok).toBe(true);
    first.advance(60_000);
    await first.flush();
    first.dispose();

    const second = new SesStore({ factory, now: clock.now, autoRefresh: false });
    await second.load();
    const view = second.view!;
    expect(view.identities.map((i) => i.identity)).toEqual(['sender@example.com']);
    expect(view.suppressionList).toMatchObject([
      { EmailAddress: 'gone@example.net', Reason: 'BOUNCE' },
    ]);
    expect(view.messages).toHaveLength(1);
    expect(view.notifications.map((n) => n.notificationType)).toEqual(['Delivery']);
    expect(view.clockOffsetMs).toBe(60_000);
    expect(second.storageError).toBeNull();
    second.dispose();
  });

  test('the wall clock delivers what was scheduled, without any simulated time passing', async () => {
    const clock = manualClock();
    const store = new SesStore({ factory: new IDBFactory(), now: clock.now, autoRefresh: false });
    await store.load();
    store.verifyIdentity('example.com');
    await sendDraft(draft('bounce@simulator.amazonses.com'), { store });
    expect(store.view!.notifications).toHaveLength(0);
    expect(store.view!.nextScheduledAt).toBeGreaterThan(store.view!.nowMs);
    clock.tick(store.view!.nextScheduledAt! - store.view!.nowMs);
    store.refresh();
    expect(store.view!.notifications.map((n) => n.notificationType)).toEqual(['Bounce']);
    expect(store.view!.clockOffsetMs).toBe(0);
  });

  test('left alone, the store delivers on time by itself and saves what happened', async () => {
    const factory = new IDBFactory();
    const store = new SesStore({ factory });
    await store.load();
    store.verifyIdentity('example.com');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      await sendDraft(draft('success@simulator.amazonses.com'), { store });
      expect(store.view!.notifications).toHaveLength(0);
      const due = store.view!.nextScheduledAt! - store.view!.nowMs;
      vi.advanceTimersByTime(due);
      expect(store.view!.notifications.map((n) => n.notificationType)).toEqual(['Delivery']);
    } finally {
      vi.useRealTimers();
      store.dispose();
    }
    await store.flush();
    const reopened = new SesStore({ factory, autoRefresh: false });
    await reopened.load();
    expect(reopened.view!.notifications).toHaveLength(1);
  });

  test('a second page on the same database follows what the first one saves', async () => {
    const factory = new IDBFactory();
    const options = { factory, autoRefresh: false, channel: 'ses-store-test' } as const;
    const first = new SesStore(options);
    const second = new SesStore(options);
    await Promise.all([first.load(), second.load()]);
    first.verifyIdentity('shared@example.com');
    await first.flush();
    await vi.waitFor(() =>
      expect(second.view!.identities.map((i) => i.identity)).toEqual(['shared@example.com']),
    );
    second.putSuppressedDestination('x@example.com', 'BOUNCE');
    await second.flush();
    await vi.waitFor(() => expect(first.view!.suppressionList).toHaveLength(1));
    expect(first.view!.identities).toHaveLength(1);
    first.dispose();
    second.dispose();
  });

  test('SES errors come back in SES words, and a failed send changes nothing', async () => {
    const store = new SesStore({ factory: new IDBFactory(), autoRefresh: false });
    await store.load();
    const rejected = await sendDraft(draft('success@simulator.amazonses.com'), { store });
    expect(rejected).toEqual({
      ok: false,
      error:
        'MessageRejected: Email address is not verified. The following identities failed the check in region US-EAST-1: Sender <sender@example.com>',
    });
    expect(store.view!.messages).toHaveLength(0);
    expect(store.view!.account.SendQuota.SentLast24Hours).toBe(0);
  });

  test('a second send within the same second is throttled in the sandbox', async () => {
    const clock = manualClock();
    const store = new SesStore({ factory: new IDBFactory(), now: clock.now, autoRefresh: false });
    await store.load();
    store.verifyIdentity('example.com');
    expect((await sendDraft(draft('a@example.com'), { store })).ok).toBe(true);
    const second = await sendDraft(draft('b@example.com'), { store });
    expect(second).toEqual({
      ok: false,
      error: 'TooManyRequestsException (v1 Throttling): Maximum sending rate exceeded.',
    });
    clock.tick(1000);
    expect((await sendDraft(draft('b@example.com'), { store })).ok).toBe(true);
    expect(store.view!.account.SendQuota.SentLast24Hours).toBe(2);
  });

  test('export and import carry the whole state; a file that is not a state is refused', async () => {
    const clock = manualClock();
    const store = new SesStore({ factory: new IDBFactory(), now: clock.now, autoRefresh: false });
    await store.load();
    store.verifyIdentity('example.com');
    store.setOutcomeRules([
      { pattern: '*@gone.example', outcome: { kind: 'hard-bounce', status: '5.1.1' } },
    ]);
    const json = store.exportJson();
    store.reset();
    expect(store.view!.identities).toEqual([]);
    expect(() => store.importJson('{"format":"something else"}')).toThrow(RangeError);
    expect(() => store.importJson('not json')).toThrow('The file is not JSON.');
    store.importJson(json);
    expect(store.view!.identities.map((i) => i.identity)).toEqual(['example.com']);
    expect(store.view!.outcomeRules).toHaveLength(1);
  });

  test('describeError names the v2 code, and the v1 code when it differs', () => {
    const error = new SesError('Daily message quota exceeded.', {
      code: 'LimitExceededException',
      statusCode: 400,
      v1Code: 'Throttling',
    });
    expect(describeError(error)).toBe(
      'LimitExceededException (v1 Throttling): Daily message quota exceeded.',
    );
    expect(describeError(new RangeError('Plain.'))).toBe('Plain.');
  });

  test('errors whose wording SES does not document say they are simulated', async () => {
    const clock = manualClock();
    const store = new SesStore({ factory: new IDBFactory(), now: clock.now, autoRefresh: false });
    await store.load();
    store.verifyIdentity('example.com');
    const tooMany = Array.from({ length: 51 }, (_, i) => `r${i}@example.com`);
    const refused = await sendDraft({ ...draft('a@example.com'), to: tooMany }, { store });
    expect(refused).toMatchObject({
      ok: false,
      error: 'BadRequestException (v1 InvalidParameterValue): Recipient count exceeds 50.',
      note: expect.stringMatching(/^Simulated: /),
    });
    const unverified = await sendDraft(
      { ...draft('a@example.com'), from: 'someone@elsewhere.test' },
      { store },
    );
    expect(unverified).not.toHaveProperty('note');
    expect(simulatedNote(new RangeError('x'))).toBeUndefined();
    const invented = new SesError('The NextToken is not valid.' + SIMULATOR_WORDING, {
      code: 'BadRequestException',
      statusCode: 400,
      v1Code: 'InvalidParameterValue',
    });
    expect(simulatedNote(invented)).toBe(
      'Simulated: SES documents no text for this error; the words are the simulator’s.',
    );
    const absent = (() => {
      try {
        store.deleteSuppressedDestination('nobody@example.com');
      } catch (error) {
        return error;
      }
    })();
    expect(simulatedNote(absent)).toMatch(/^Simulated: the likeliest reading/);
  });
});

describe('notifications feed', () => {
  test('notifications and events in one list, newest first, filtered by type', async () => {
    const clock = manualClock();
    const store = new SesStore({ factory: new IDBFactory(), now: clock.now, autoRefresh: false });
    await store.load();
    store.verifyIdentity('example.com');
    store.putConfigurationSet({
      name: 'tracked',
      sendingEnabled: true,
      tags: [],
      eventDestinations: [
        {
          name: 'all',
          enabled: true,
          kind: 'SNS',
          matchingEventTypes: ['SEND', 'BOUNCE', 'DELIVERY'],
        },
      ],
    });
    const tracked = {
      ...draft('bounce@simulator.amazonses.com'),
      headers: [{ name: 'X-SES-CONFIGURATION-SET', value: 'tracked' }],
    };
    expect(await sendDraft(tracked, { store })).toMatchObject({ ok: true });
    store.advance(60_000);
    const feed = buildFeed(store.view!.notifications, store.view!.events);
    expect(feed.map((item) => `${item.channel}:${item.type}`).sort()).toEqual([
      'event:Bounce',
      'event:Send',
      'notification:Bounce',
    ]);
    expect(feed.at(-1)!.type).toBe('Send');
    expect(filterFeed(feed, 'notification:Bounce')).toHaveLength(1);
    expect(filterFeed(feed, 'event:Delivery')).toHaveLength(0);
    expect(feedbackKind(filterFeed(feed, 'notification:Bounce')[0]!.payload)).toBe(
      'Permanent/General',
    );
    expect(feedbackKind(filterFeed(feed, 'event:Send')[0]!.payload)).toBeUndefined();
    expect(payloadRecipients(filterFeed(feed, 'event:Bounce')[0]!.payload)).toEqual([
      'bounce@simulator.amazonses.com',
    ]);
  });
});
