import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { timeRoute } from '../../../src/lib/inspect-view/route-timing.ts';

describe('timeRoute', () => {
  it('gives each hop its delay and share of the time, the first hop none', () => {
    const route = timeRoute([0, 1000, 1000, 4000]);
    expect(route.hops.map((hop) => hop.delay)).toEqual([undefined, 1000, 0, 3000]);
    expect(route.hops.map((hop) => hop.share)).toEqual([0, 0.25, 0, 0.75]);
    expect(route.total).toBe(4000);
    expect(route.hops.every((hop) => hop.problem === undefined)).toBe(true);
  });

  it('flags a hop that is earlier than the one before it', () => {
    const route = timeRoute([10_000, 4_000, 12_000]);
    expect(route.hops[1]).toEqual({ delay: -6000, share: 0, problem: 'negative-delay' });
    expect(route.hops[2]).toEqual({ delay: 8000, share: 1 });
  });

  it('flags missing times and the hop after one', () => {
    const route = timeRoute([0, undefined, 5000, Number.NaN]);
    expect(route.hops.map((hop) => hop.problem)).toEqual([
      undefined,
      'missing-time',
      'unknown-previous',
      'missing-time',
    ]);
    expect(route.total).toBe(5000);
    expect(timeRoute([undefined]).total).toBeUndefined();
  });

  test.prop([fc.array(fc.option(fc.integer({ min: 0, max: 1e12 }), { nil: undefined }))])(
    'shares are in [0, 1] and add up to 1 whenever some time passed',
    (times) => {
      const route = timeRoute(times);
      expect(route.hops).toHaveLength(times.length);
      const sum = route.hops.reduce((total, hop) => total + hop.share, 0);
      for (const hop of route.hops) expect(hop.share >= 0 && hop.share <= 1).toBe(true);
      const anyPositive = route.hops.some((hop) => (hop.delay ?? 0) > 0);
      expect(sum).toBeCloseTo(anyPositive ? 1 : 0, 9);
    },
  );
});
