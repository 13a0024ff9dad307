import { describe, expect, test } from 'vitest';
import { fc, test as prop } from '@fast-check/vitest';
import { createSesSimulator, type OutcomeRule } from '../../../../src/lib/ses/index.ts';
import { rateChart, timeAxisLabels } from '../../../../src/lib/components/ses/chart.ts';
import {
  enforcementTone,
  feedbackTone,
  rateTone,
  recipientPills,
} from '../../../../src/lib/components/ses/status-tones.ts';
import { SCENARIO_CHOICES } from '../../../../src/lib/components/ses/simulator-scenarios.ts';
import {
  formatDuration,
  formatRate,
  formatTime,
} from '../../../../src/lib/components/ses/format.ts';
import {
  describeOutcome,
  emptyOutcomeFields,
  fieldsFromRule,
  ruleFromFields,
} from '../../../../src/lib/components/ses/outcome-form.ts';
import {
  describeAction,
  emptyReceiptRuleFields,
  receiptRuleFromFields,
} from '../../../../src/lib/components/ses/receipt-rule-form.ts';

describe('formats', () => {
  for (const [ms, words] of [
    [45_000, '45 s'],
    [60_000, '1 min'],
    [3_600_000, '1 h'],
    [3_600_000 + 20 * 60_000, '1 h 20 min'],
    [86_400_000, '1 d'],
    [86_400_000 + 3_600_000, '1 d 1 h'],
  ] as const) {
    test(`${ms} ms is ${words}`, () => expect(formatDuration(ms)).toBe(words));
  }
  test('rates keep enough digits to tell the complaint thresholds apart', () => {
    expect(formatRate(0.001)).toBe('0.10%');
    expect(formatRate(0.0005)).toBe('0.05%');
    expect(formatRate(0.05)).toBe('5.0%');
  });
  test('times are UTC, as in SES JSON', () => {
    expect(formatTime('2026-01-01T00:00:03.123Z')).toBe('2026-01-01 00:00:03 UTC');
    expect(formatTime(Date.UTC(2026, 1, 2, 3, 4, 5))).toBe('2026-02-02 03:04:05 UTC');
  });
});

describe('rate chart', () => {
  test('a step line from the first point to now, thresholds always in view', () => {
    const chart = rateChart(
      [
        { at: 0, rate: 0 },
        { at: 50, rate: 0.05 },
      ],
      100,
      0.1,
      100,
      120,
    );
    expect(chart.line).toBe('0.0,120.0 50.0,120.0 50.0,70.0 100,70.0');
    expect(chart.top).toBeCloseTo(0.12);
    expect(chart.y(0.1)).toBeCloseTo(20);
  });
  prop.prop([
    fc.array(fc.record({ at: fc.nat(1e9), rate: fc.double({ min: 0, max: 1, noNaN: true }) })),
  ])('every plotted point lies inside the box', (raw) => {
    const points = [...raw].sort((a, b) => a.at - b.at);
    const { line } = rateChart(points, 2e9, 0.005, 320, 120);
    for (const pair of line ? line.split(' ') : []) {
      const [x, y] = pair.split(',').map(Number) as [number, number];
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(320);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(120);
    }
  });
});

describe('outcome rule form', () => {
  const rules: OutcomeRule[] = [
    {
      pattern: '*@gone.example',
      outcome: { kind: 'hard-bounce', status: '5.1.1', bounceSubType: 'NoEmail' },
    },
    {
      pattern: '*@full.example',
      outcome: { kind: 'soft-bounce', status: '4.2.2', recoverAfterMs: 1_800_000 },
    },
    {
      pattern: '*@angry.example',
      outcome: { kind: 'complaint', feedbackType: 'abuse', delayMs: 600_000 },
    },
    { pattern: 'ok@*', outcome: { kind: 'delivery', smtpResponse: '250 2.6.0 queued' } },
    {
      pattern: 'reader@*',
      outcome: { kind: 'delivery', openAfterMs: 120_000, clickAfterMs: 300_000 },
    },
    {
      pattern: '*@late.example',
      outcome: { kind: 'hard-bounce', status: '5.1.1', timing: 'asynchronous', asyncDelayMs: 0 },
    },
    {
      pattern: '*@nxdomain.example',
      outcome: { kind: 'hard-bounce', status: '5.1.2', dnsFailure: true },
    },
    {
      pattern: '*@busy.example',
      outcome: {
        kind: 'soft-bounce',
        status: '4.2.2',
        timing: 'asynchronous',
        asyncDelayMs: 30_000,
      },
    },
    {
      pattern: '*@isp.example',
      outcome: {
        kind: 'complaint',
        feedbackType: 'fraud',
        delayMs: 60_000,
        userAgent: 'ISP FBL/1',
      },
    },
  ];
  for (const rule of rules) {
    test(`${describeOutcome(rule.outcome)} survives a round trip through the form`, () => {
      expect(ruleFromFields(fieldsFromRule(rule))).toEqual(rule);
    });
  }
  test('every rule the form makes is one the simulator accepts, or refuses in words', () => {
    const sim = createSesSimulator();
    sim.setOutcomeRules(rules.map((r) => ruleFromFields(fieldsFromRule(r))));
    expect(sim.outcomeRules()).toEqual(rules);
    const bad = ruleFromFields({ ...emptyOutcomeFields(), pattern: '*', status: '4.1.1' });
    expect(() => sim.setOutcomeRules([bad])).toThrow('A hard bounce needs a 5.x.x status code.');
    expect(() =>
      ruleFromFields({ ...emptyOutcomeFields(), kind: 'complaint', delayMinutes: 'soon' }),
    ).toThrow(RangeError);
  });
  test('every field of an outcome is written into the rule list', () => {
    expect(rules.slice(4).map((rule) => describeOutcome(rule.outcome))).toEqual([
      'delivery, opened 2 min after delivery, first link clicked 5 min after delivery',
      'hard bounce 5.1.1, asynchronous: a DSN 0 min after delivery',
      'hard bounce 5.1.2, DNS lookup failure retried until SES gives up',
      'soft bounce 4.2.2, asynchronous: a DSN 0.5 min after delivery',
      'complaint (fraud) 1 min after delivery, from ISP FBL/1',
    ]);
    expect(describeOutcome({ kind: 'soft-bounce', status: '4.4.1', timing: 'asynchronous' })).toBe(
      'soft bounce 4.4.1, asynchronous: a DSN 5 min after delivery',
    );
  });
  test('engagement times are non-negative minutes, kept to the millisecond', () => {
    const delivery = { ...emptyOutcomeFields(), pattern: '*', kind: 'delivery' as const };
    expect(
      ruleFromFields({ ...delivery, openAfterMinutes: '0', clickAfterMinutes: ' 1.5 ' }).outcome,
    ).toEqual({ kind: 'delivery', openAfterMs: 0, clickAfterMs: 90_000 });
    for (const bad of ['-1', 'soon', 'Infinity']) {
      expect(() => ruleFromFields({ ...delivery, openAfterMinutes: bad })).toThrow(
        `${bad} is not a number of minutes.`,
      );
      expect(() => ruleFromFields({ ...delivery, clickAfterMinutes: bad })).toThrow(RangeError);
    }
  });
  test('fields the chosen timing hides are left out of the rule', () => {
    const asynchronous = { ...emptyOutcomeFields(), pattern: '*', timing: 'asynchronous' as const };
    expect(ruleFromFields({ ...asynchronous, dnsFailure: true }).outcome).toEqual({
      kind: 'hard-bounce',
      status: '5.1.1',
      timing: 'asynchronous',
    });
    expect(
      ruleFromFields({
        ...asynchronous,
        kind: 'soft-bounce',
        status: '4.2.2',
        recoverAfterMinutes: '5',
      }).outcome,
    ).toEqual({ kind: 'soft-bounce', status: '4.2.2', timing: 'asynchronous' });
    expect(
      ruleFromFields({ ...emptyOutcomeFields(), pattern: '*', asyncDelayMinutes: '9' }).outcome,
    ).toEqual({ kind: 'hard-bounce', status: '5.1.1' });
  });
  const duration = fc.option(fc.nat(10 * 86_400_000), { nil: undefined });
  const defined = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  const outcome = fc.oneof(
    fc.record({
      kind: fc.constant('delivery' as const),
      openAfterMs: duration,
      clickAfterMs: duration,
    }),
    fc.record({
      kind: fc.constant('hard-bounce' as const),
      status: fc.constant('5.1.1'),
      timing: fc.constant('asynchronous' as const),
      asyncDelayMs: duration,
    }),
    fc.record({
      kind: fc.constant('hard-bounce' as const),
      status: fc.constant('5.4.4'),
      dnsFailure: fc.constant(true),
    }),
    fc.record({
      kind: fc.constant('soft-bounce' as const),
      status: fc.constant('4.4.1'),
      timing: fc.constant('asynchronous' as const),
      asyncDelayMs: duration,
    }),
    fc.record({
      kind: fc.constant('soft-bounce' as const),
      status: fc.constant('4.2.2'),
      recoverAfterMs: duration,
    }),
  );
  prop.prop([outcome])('any rule of these fields survives the form and the simulator', (drawn) => {
    const rule: OutcomeRule = {
      pattern: '*@x.example',
      outcome: defined(drawn) as OutcomeRule['outcome'],
    };
    const made = ruleFromFields(fieldsFromRule(rule));
    expect(made).toEqual(rule);
    const sim = createSesSimulator();
    sim.setOutcomeRules([made]);
    expect(sim.outcomeRules()).toEqual([rule]);
  });
});

describe('receipt rule form', () => {
  test('the default rule stores and notifies, and the simulator accepts it', () => {
    const rule = receiptRuleFromFields({
      ...emptyReceiptRuleFields(),
      name: 'all',
      recipients: 'a@x.test, .x.test',
    });
    expect(rule.recipients).toEqual(['a@x.test', '.x.test']);
    expect(rule.actions.map(describeAction)).toEqual([
      'S3 → inbound-mail',
      'SNS → arn:aws:sns:us-east-1:123456789012:inbound',
    ]);
    const sim = createSesSimulator();
    sim.putReceiptRuleSet({ name: 'set', rules: [rule] });
    expect(sim.receiptRuleSets()[0]?.rules).toEqual([rule]);
  });
  test('actions come in SES order: add header, store, notify, Lambda, bounce, stop', () => {
    const rule = receiptRuleFromFields({
      ...emptyReceiptRuleFields(),
      name: 'everything',
      addHeader: true,
      lambda: true,
      bounce: true,
      bounceSender: 'mailer-daemon@x.test',
      stop: true,
      keyword: 'invoice',
    });
    expect(rule.actions.map((a) => a.type)).toEqual([
      'AddHeader',
      'S3',
      'SNS',
      'Lambda',
      'Bounce',
      'Stop',
    ]);
    expect(rule.keyword).toEqual({ text: 'invoice', scope: 'subject-or-body' });
  });
});

describe('status tones', () => {
  test('a recipient reads as its status, plus complained when it complained', () => {
    expect(recipientPills({ status: 'delivered', complained: false })).toEqual([
      { label: 'delivered', tone: 'ok' },
    ]);
    expect(recipientPills({ status: 'delivered', complained: true })).toEqual([
      { label: 'delivered', tone: 'ok' },
      { label: 'complained', tone: 'error' },
    ]);
    expect(recipientPills({ status: 'bounced', complained: false })[0]?.tone).toBe('error');
    expect(recipientPills({ status: 'suppressed', complained: false })[0]?.tone).toBe('warn');
    expect(recipientPills({ status: 'delayed', complained: false })[0]?.tone).toBe('warn');
  });

  test('rates are coloured by where the simulator puts them against SES’s thresholds', () => {
    const sim = createSesSimulator({ sandbox: false });
    sim.verifyIdentity('example.com');
    expect(rateTone(sim.reputation().bounceStatus)).toBe('ok');
    expect([rateTone('UNDER_REVIEW'), rateTone('PAUSE_THRESHOLD')]).toEqual(['warn', 'error']);
    expect(['HEALTHY', 'PROBATION', 'SHUTDOWN'].map((s) => enforcementTone(s as never))).toEqual([
      'ok',
      'warn',
      'error',
    ]);
    expect(['Bounce', 'Complaint', 'Delivery', 'DeliveryDelay', 'Send'].map(feedbackTone)).toEqual([
      'error',
      'error',
      'ok',
      'warn',
      'info',
    ]);
  });

  test('the picker offers all five mailbox simulator addresses, each with what it does', () => {
    expect(SCENARIO_CHOICES.map((c) => c.address)).toEqual([
      'success@simulator.amazonses.com',
      'bounce@simulator.amazonses.com',
      'ooto@simulator.amazonses.com',
      'complaint@simulator.amazonses.com',
      'suppressionlist@simulator.amazonses.com',
    ]);
    expect(SCENARIO_CHOICES.every((c) => c.effect.length > 20)).toBe(true);
  });
});

describe('time axis', () => {
  test('clock times within a day, with the date when the span crosses one', () => {
    const start = Date.UTC(2026, 2, 1, 9, 5);
    expect(timeAxisLabels(start, start + 3_600_000)).toEqual(['09:05', '10:05']);
    expect(timeAxisLabels(start, start + 86_400_000)).toEqual(['03-01 09:05', '03-02 09:05']);
    const chart = rateChart([{ at: start, rate: 0 }], start + 60_000, 0.1, 100, 50);
    expect([chart.start, chart.end]).toEqual([start, start + 60_000]);
  });
});
