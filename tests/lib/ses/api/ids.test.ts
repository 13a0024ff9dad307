import { describe, expect, test } from 'vitest';
import {
  createRandom,
  feedbackIdHeader,
  inboundMessageId,
  messageIdHost,
  nextInt,
  nextUuid,
  sesMessageId,
} from '../../../../src/lib/ses/api/ids.ts';
import { T0 } from '../support.ts';

describe('ids', () => {
  test('message ids carry the region prefix and the epoch milliseconds, like SES’s', () => {
    const id = sesMessageId(createRandom(1), 'us-east-1', T0);
    expect(id).toMatch(
      /^0100[0-9a-f]{12}-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}-000000$/,
    );
    expect(parseInt(id.slice(4, 16), 16)).toBe(T0);
    expect(sesMessageId(createRandom(1), 'eu-west-1', T0).slice(0, 4)).toBe('0102');
    expect(sesMessageId(createRandom(1), 'us-west-2', T0).slice(0, 4)).toBe('0101');
  });

  test('the same seed gives the same sequence; the state continues it', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    expect([nextUuid(a), nextUuid(a)]).toEqual([nextUuid(b), nextUuid(b)]);
    const c = createRandom(a.state);
    expect(nextUuid(c)).toBe(nextUuid(a));
    expect(() => nextInt(a, 3, 3)).toThrow(RangeError);
  });

  test('other SES formats', () => {
    expect(messageIdHost('us-east-1')).toBe('email.amazonses.com');
    expect(messageIdHost('eu-west-1')).toBe('eu-west-1.amazonses.com');
    expect(inboundMessageId(createRandom(5))).toMatch(/^[a-z0-9]{28}$/);
    expect(feedbackIdHeader(createRandom(5), 'us-east-1')).toMatch(
      /^1\.us-east-1\.[A-Za-z0-9+/]{43}=:AmazonSES$/,
    );
  });
});
