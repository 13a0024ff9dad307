import { describe, expect, test } from 'vitest';
import { fc, test as propTest } from '@fast-check/vitest';
import {
  createConfigurationSet,
  createSesSimulator,
  SIMULATOR_ADDRESSES,
  type SendEmailRequest,
  type SesSimulator,
} from '../../../src/lib/ses/index.ts';
import {
  preflightSend,
  replaceRecipient,
  type PreflightAccount,
  type PreflightFix,
} from '../../../src/lib/state/ses-preflight.ts';
import { propertyRuns } from '../../support/property-runs.ts';

function accountOf(sim: SesSimulator): PreflightAccount {
  return {
    region: sim.exportState().region,
    identities: sim.listIdentities(),
    configurationSets: sim.configurationSets(),
    account: sim.getAccount(),
  };
}

function request(
  from: string,
  to: string[],
  options: { cc?: string[]; set?: string } = {},
): SendEmailRequest {
  return {
    FromEmailAddress: from,
    Destination: { ToAddresses: to, ...(options.cc?.length ? { CcAddresses: options.cc } : {}) },
    Content: { Simple: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Hello.' } } } },
    ...(options.set !== undefined ? { ConfigurationSetName: options.set } : {}),
  };
}

/** Apply a fix to the simulator the way the page does. */
function apply(sim: SesSimulator, fix: PreflightFix, draft: { to: string[] }): void {
  switch (fix.kind) {
    case 'verify-identity':
      return sim.verifyIdentity(fix.identity);
    case 'create-configuration-set':
      return sim.putConfigurationSet(createConfigurationSet(fix.name));
    case 'resume-configuration-set': {
      const set = sim.configurationSets().find((s) => s.name === fix.name)!;
      return sim.putConfigurationSet({ ...set, sendingEnabled: true });
    }
    case 'enable-sending':
      return sim.setSendingEnabled(true);
    case 'let-time-pass':
      return sim.advance(fix.ms);
    case 'use-simulator-address':
      draft.to = draft.to.map((t) => (t.includes(fix.address) ? SIMULATOR_ADDRESSES.success : t));
  }
}

describe('pre-flight', () => {
  test('a fresh sandbox account: the set, the sender and the recipient, in SES’s words', () => {
    const sim = createSesSimulator();
    const report = preflightSend(accountOf(sim), {
      request: request('Shop <orders@shop.example.com>', ['Ana <ana@example.net>'], {
        set: 'transactional',
      }),
    });
    expect(report.findings.map((f) => [f.code, f.message])).toEqual([
      ['configuration-set-missing', 'Configuration set <transactional> does not exist.'],
      [
        'sender-not-verified',
        'Email address is not verified. The following identities failed the check in region US-EAST-1: Shop <orders@shop.example.com>',
      ],
      [
        'recipient-not-verified',
        'Email address is not verified. The following identities failed the check in region US-EAST-1: Ana <ana@example.net>',
      ],
    ]);
    expect(report.findings.map((f) => f.fixes)).toEqual([
      [{ kind: 'create-configuration-set', name: 'transactional' }],
      [
        { kind: 'verify-identity', identity: 'shop.example.com' },
        { kind: 'verify-identity', identity: 'orders@shop.example.com' },
      ],
      [
        { kind: 'use-simulator-address', field: 'to', address: 'ana@example.net' },
        { kind: 'verify-identity', identity: 'ana@example.net' },
      ],
    ]);
    expect(report.answer).toEqual({
      code: 'NotFoundException',
      message: 'Configuration set <transactional> does not exist.',
    });
  });

  test('the first fix of each finding makes the send accepted', () => {
    const sim = createSesSimulator();
    const draft = { to: ['Ana <ana@example.net>', 'bounce@simulator.amazonses.com'] };
    const make = () => request('orders@shop.example.com', draft.to, { set: 'transactional' });
    const report = preflightSend(accountOf(sim), { request: make() });
    expect(report.findings).toHaveLength(3);
    for (const finding of report.findings) apply(sim, finding.fixes[0]!, draft);
    expect(preflightSend(accountOf(sim), { request: make() })).toEqual({ findings: [] });
    expect(sim.sendEmail(make()).MessageId).toMatch(/-000000$/);
  });

  test('the mailbox simulator needs no verification and counts toward no quota', () => {
    const sim = createSesSimulator();
    sim.verifyIdentity('example.com');
    sim.setSendQuota({ max24HourSend: 0 });
    const all = Object.values(SIMULATOR_ADDRESSES);
    expect(preflightSend(accountOf(sim), { request: request('a@example.com', all) })).toEqual({
      findings: [],
    });
    const report = preflightSend(accountOf(sim), {
      request: request('a@example.com', ['b@example.com']),
    });
    expect(report.findings).toMatchObject([
      { code: 'daily-quota-exceeded', message: 'Daily message quota exceeded.' },
    ]);
  });

  test('a picked simulator address takes the place of the refused one only', () => {
    expect(
      replaceRecipient(
        '"Silva, Ana" <ana@example.net>, bo@example.org; ana@bücher.example',
        'ana@example.net',
        'bounce@simulator.amazonses.com',
      ),
    ).toBe('bounce@simulator.amazonses.com, bo@example.org, ana@bücher.example');
    expect(
      replaceRecipient(
        'ana@bücher.example',
        'ana@xn--bcher-kva.example',
        'x@simulator.amazonses.com',
      ),
    ).toBe('x@simulator.amazonses.com');
  });

  test('Sender and Return-Path of Raw content must be verified too', () => {
    const sim = createSesSimulator();
    sim.verifyIdentity('example.com');
    const raw: SendEmailRequest = {
      FromEmailAddress: 'a@example.com',
      Destination: { ToAddresses: ['success@simulator.amazonses.com'] },
      Content: { Raw: { Data: new TextEncoder().encode('From: a@example.com\r\n\r\nhi\r\n') } },
    };
    const report = preflightSend(accountOf(sim), {
      request: raw,
      headers: [{ name: 'Sender', value: 'Agent <agent@elsewhere.test>' }],
    });
    expect(report.findings.map((f) => f.subject)).toEqual(['agent@elsewhere.test']);
  });

  const FROMS = [
    'Sender <sender@example.com>',
    'other@example.com',
    'x@elsewhere.test',
    'n@mail.example.com',
  ];
  const RECIPIENTS = [
    'ok@dest.test',
    'a@dest.test',
    'Bob <b@far.test>',
    'b@far.test',
    'success@simulator.amazonses.com',
    'bounce+x@simulator.amazonses.com',
    'sender@example.com',
  ];
  const IDENTITIES = ['example.com', 'sender@example.com', 'ok@dest.test', 'dest.test', 'far.test'];

  propTest.prop(
    [
      fc.subarray(IDENTITIES),
      fc.constantFrom(...FROMS),
      fc.array(fc.constantFrom(...RECIPIENTS), { minLength: 1, maxLength: 3 }),
      fc.array(fc.constantFrom(...RECIPIENTS), { maxLength: 2 }),
      fc.constantFrom(undefined, 'present', 'paused', 'missing'),
      fc.boolean(),
      fc.boolean(),
      fc.constantFrom(-1, 0, 1, 2, 200),
    ],
    propertyRuns(300),
  )(
    'reports a refusal exactly when the simulator refuses, with the same answer',
    (identities, from, to, cc, set, sandbox, sendingEnabled, max24HourSend) => {
      const sim = createSesSimulator({ sandbox });
      for (const identity of identities) sim.verifyIdentity(identity);
      sim.putConfigurationSet(createConfigurationSet('present'));
      sim.putConfigurationSet({ ...createConfigurationSet('paused'), sendingEnabled: false });
      sim.setSendingEnabled(sendingEnabled);
      sim.setSendQuota({ max24HourSend });
      const req = request(from, to, { cc, ...(set !== undefined ? { set } : {}) });
      const report = preflightSend(accountOf(sim), { request: req });
      const preview = sim.previewSend(req);
      if (preview.accepted) {
        expect(report).toEqual({ findings: [] });
      } else {
        expect(report.answer).toEqual({ code: preview.error.code, message: preview.error.message });
        expect(report.findings.length).toBeGreaterThan(0);
      }
    },
  );
});
