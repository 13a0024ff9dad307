import { describe, expect, it } from 'vitest';
import { headerDocumentation } from '../../../src/lib/inspect-view/header-docs.ts';

describe('headerDocumentation', () => {
  const cases: Array<[string, string, string]> = [
    ['Subject', 'RFC 5322 §3.6.5', 'https://www.rfc-editor.org/rfc/rfc5322#section-3.6.5'],
    ['received', 'RFC 5321 §4.4', 'https://www.rfc-editor.org/rfc/rfc5321#section-4.4'],
    ['Content-Disposition', 'RFC 2183 §2', 'https://www.rfc-editor.org/rfc/rfc2183#section-2'],
    ['DKIM-Signature', 'RFC 6376 §3.5', 'https://www.rfc-editor.org/rfc/rfc6376#section-3.5'],
    ['Authentication-Results', 'RFC 8601 §2', 'https://www.rfc-editor.org/rfc/rfc8601#section-2'],
    [
      'X-SES-CONFIGURATION-SET',
      'Amazon SES',
      'https://docs.aws.amazon.com/ses/latest/dg/event-publishing-send-email.html',
    ],
  ];
  for (const [name, source, url] of cases) {
    it(`links ${name} to ${source}`, () => {
      expect(headerDocumentation(name)).toEqual({ source, url });
    });
  }

  it('is case-insensitive and has nothing for unknown fields', () => {
    expect(headerDocumentation('  MIME-VERSION ')?.source).toBe('RFC 2045 §4');
    expect(headerDocumentation('X-Mailer')).toBeUndefined();
  });
});
