import { describe, expect, test } from 'vitest';
import { createSesSimulator } from '../../../../src/lib/ses/index.ts';
import {
  rawRequest,
  simulator,
  T0,
  withEventDestination,
  withNotificationTopics,
} from '../support.ts';

function busy(seed = 7) {
  const ses = simulator({
    seed,
    sandbox: false,
    outcomeRules: [
      { pattern: '*@gone.example', outcome: { kind: 'hard-bounce', status: '5.1.1' } },
      { pattern: '*@full.example', outcome: { kind: 'soft-bounce', status: '4.2.2' } },
    ],
  });
  withEventDestination(ses);
  ses.putReceiptRuleSet({
    name: 'rs',
    rules: [
      {
        name: 'r',
        enabled: true,
        recipients: [],
        scanEnabled: true,
        actions: [{ type: 'S3', bucketName: 'b' }],
      },
    ],
  });
  ses.setActiveReceiptRuleSet('rs');
  ses.sendEmail({
    ...rawRequest(['a@gone.example', 'b@full.example', 'c@example.com']),
    ConfigurationSetName: 'ConfigSet',
  });
  ses.advance(30 * 60 * 1000);
  return ses;
}

describe('state', () => {
  test('the same clock and seed give the same ids, notifications and events', () => {
    expect(busy().exportState()).toEqual(busy().exportState());
    expect(busy(8).messages()[0]?.messageId).not.toBe(busy().messages()[0]?.messageId);
  });

  test('an exported state survives JSON and continues exactly where it left off', () => {
    const original = busy();
    const json = JSON.stringify(original.exportState());
    const restored = createSesSimulator({ now: () => new Date(T0), state: JSON.parse(json) });
    expect(restored.exportState()).toEqual(original.exportState());
    original.advance(24 * 60 * 60 * 1000);
    restored.advance(24 * 60 * 60 * 1000);
    expect(restored.notifications()).toEqual(original.notifications());
    expect(restored.events()).toEqual(original.events());
    expect(restored.sendEmail(rawRequest(['d@x.example']))).toEqual(
      original.sendEmail(rawRequest(['d@x.example'])),
    );
  });

  test('importState replaces everything; something that is not a state is refused', () => {
    const ses = createSesSimulator({ now: () => new Date(T0) });
    ses.importState(busy().exportState());
    expect(ses.messages()).toHaveLength(1);
    expect(ses.listIdentities().map((i) => i.identity)).toEqual(['example.com']);
    expect(() => ses.importState(null)).toThrow(RangeError);
    expect(() => ses.importState({ format: 'other' })).toThrow(
      'This is not a saved SES simulator state.',
    );
    expect(() => ses.importState({ ...busy().exportState(), version: 2 })).toThrow(/version 2/);
    expect(() => ses.importState({ ...busy().exportState(), messages: 'x' })).toThrow(
      'The saved state has no messages list.',
    );
    expect(ses.messages()).toHaveLength(1);
  });

  test('exported states are copies: changing one changes nothing inside', () => {
    const ses = busy();
    const state = ses.exportState();
    state.identities.length = 0;
    expect(ses.listIdentities()).toHaveLength(1);
  });

  test('simulated time is the clock plus what advance added; the clock may move too', () => {
    let clock = T0;
    const ses = createSesSimulator({ now: () => new Date(clock) });
    ses.verifyIdentity('example.com');
    withNotificationTopics(ses, 'example.com');
    ses.sendEmail(rawRequest(['success@simulator.amazonses.com']));
    expect(ses.nextScheduledAt()?.getTime()).toBeGreaterThan(T0);
    clock += 60_000;
    expect(ses.notifications()).toHaveLength(1);
    ses.advance(1_000);
    expect(ses.now().getTime()).toBe(T0 + 61_000);
    expect(ses.nextScheduledAt()).toBeUndefined();
    expect(() => ses.advance(-1)).toThrow(RangeError);
    expect(() => ses.advance(Number.NaN)).toThrow(RangeError);
  });

  test('the timeline of a message lists its notifications and events in time order', () => {
    const ses = busy();
    const id = ses.messages()[0]?.messageId as string;
    ses.advance(24 * 60 * 60 * 1000);
    const timeline = ses.timeline(id);
    expect(timeline[0]).toMatchObject({ channel: 'event', type: 'Send', at: T0 });
    expect(timeline.map((t) => t.at)).toEqual([...timeline.map((t) => t.at)].sort((a, b) => a - b));
    expect(timeline.filter((t) => t.channel === 'notification').map((t) => t.type)).toEqual([
      'Delivery',
      'Bounce',
      'Bounce',
    ]);
  });
});
