import { describe, expect, it } from 'vitest';
import type { Inspection } from '../../../src/lib/mime/types.ts';
import { verdictBadges } from '../../../src/lib/inspect-view/verdicts.ts';

const base: Inspection = {
  headers: [],
  tree: { contentType: 'text/plain', headers: [], start: 0, end: 0, bodyStart: 0, children: [] },
  to: [],
  attachments: [],
  diagnostics: [],
};

const result = (method: string, value: string, properties: Record<string, string> = {}) => ({
  authservId: 'mx.example.net',
  method,
  result: value,
  properties,
});

describe('verdictBadges', () => {
  it('shows SPF, DKIM, DMARC and alignment with tones', () => {
    const badges = verdictBadges({
      ...base,
      authentication: {
        spf: result('spf', 'softfail'),
        dkim: [
          result('dkim', 'fail', { 'header.d': 'a.example' }),
          result('dkim', 'pass', { 'header.d': 'b.example' }),
        ],
        dmarc: result('dmarc', 'pass'),
        results: [],
      },
      alignment: { fromDomain: 'b.example', dkim: [], passRelaxed: true, passStrict: false },
    });
    expect(badges.map((b) => [b.label, b.value, b.tone])).toEqual([
      ['SPF', 'softfail', 'bad'],
      ['DKIM', 'pass (2 signatures)', 'good'],
      ['DMARC', 'pass', 'good'],
      ['Alignment', 'relaxed', 'good'],
    ]);
  });

  it('marks bounces and complaints, and shows nothing for a bare message', () => {
    expect(verdictBadges(base)).toEqual([]);
    const bounce = verdictBadges({
      ...base,
      report: { kind: 'bounce', bounceType: 'Permanent', bounceSubType: 'NoEmail', recipients: [] },
    });
    expect(bounce.map((b) => `${b.label}: ${b.value}`)).toEqual(['Bounce: Permanent / NoEmail']);
    const complaint = verdictBadges({
      ...base,
      report: { kind: 'complaint', feedbackType: 'abuse', complainedRecipients: [] },
    });
    expect(complaint.map((b) => `${b.label}: ${b.value}`)).toEqual(['Complaint: abuse']);
  });
});
