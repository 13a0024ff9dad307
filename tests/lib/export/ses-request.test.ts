import { describe, expect, test } from 'vitest';
import {
  base64ToBytes,
  parseMessageTags,
  sesV1SendRawEmail,
  sesV2SendEmail,
  sesV2TemplatedSendEmail,
  toCliJson,
} from '../../../src/lib/export/index.ts';
import { buildMessage, type Draft } from '../../../src/lib/mime/index.ts';
import { problemsOf, sendEmailV2, sendRawEmailV1 } from './ses-shapes.ts';
import { sampleSource } from './sample.ts';

describe('v2 SendEmail', () => {
  test('a template goes with the draft’s sender, recipients, set and tags, in the documented shape', () => {
    const source = sampleSource();
    const template = { TemplateName: 'receipt', TemplateData: '{"total": "12.00"}' };
    const request = sesV2TemplatedSendEmail(source, template);
    const json = JSON.parse(toCliJson(request));
    expect(problemsOf(sendEmailV2, json)).toEqual([]);
    const simple = JSON.parse(toCliJson(sesV2SendEmail(source).request));
    const { Content: templated, ...members } = json;
    const { Content: _, ...simpleMembers } = simple;
    expect(members).toEqual(simpleMembers);
    expect(templated).toEqual({ Template: template });
    expect(Object.keys(json)).toEqual(Object.keys(simple));
  });

  test('a draft Simple content can carry exports as Simple, in the documented shape', () => {
    const source = sampleSource();
    const exported = sesV2SendEmail(source);
    expect(exported.content).toBe('Simple');
    const json = JSON.parse(toCliJson(exported.request));
    expect(problemsOf(sendEmailV2, json)).toEqual([]);
    expect(json.FromEmailAddress).toBe('Ana Example <ana@example.com>');
    expect(json.Destination).toEqual({
      ToAddresses: ['bo@example.net', 'Cy <cy@example.org>'],
      CcAddresses: ['dee@example.com'],
      BccAddresses: ['eve@example.com'],
    });
    expect(json.ReplyToAddresses).toEqual(['replies@example.com']);
    expect(json.ConfigurationSetName).toBe('Receipts');
    expect(json.EmailTags).toEqual([
      { Name: 'campaign', Value: 'receipt' },
      { Name: 'tier', Value: 'gold' },
    ]);
    const simple = json.Content.Simple;
    expect(simple.Subject).toEqual({ Data: 'Your receipt', Charset: 'UTF-8' });
    expect(simple.Body.Text.Data).toBe(source.draft.text);
    expect(simple.Body.Html.Data).toBe(source.draft.html);
    // SES's own headers become request members, not message headers.
    expect(simple.Headers.map((header: { Name: string }) => header.Name)).toEqual([
      'List-Unsubscribe',
      'List-Unsubscribe-Post',
    ]);
    const [pdf, logo] = simple.Attachments;
    expect(base64ToBytes(pdf.RawContent)).toEqual(source.draft.attachments?.[0]?.content);
    expect(pdf).toMatchObject({ FileName: 'receipt.pdf', ContentDisposition: 'ATTACHMENT' });
    expect(logo).toMatchObject({ ContentDisposition: 'INLINE', ContentId: 'logo@example.com' });
    expect(base64ToBytes(logo.RawContent)).toEqual(source.draft.attachments?.[1]?.content);
  });

  const rawCases: Array<{
    name: string;
    overrides: Parameters<typeof sampleSource>[0];
    reason: RegExp;
  }> = [
    {
      name: 'more than 15 extra headers',
      overrides: {
        headers: Array.from({ length: 16 }, (_, i) => ({ name: `X-H${i}`, value: 'v' })),
      },
      reason: /at most 15/,
    },
    {
      name: 'a header value outside printable ASCII',
      overrides: { headers: [{ name: 'X-Note', value: 'café' }] },
      reason: /printable ASCII/,
    },
    { name: 'no subject', overrides: { subject: '' }, reason: /subject/ },
    {
      name: 'an envelope that differs from the recipients',
      overrides: { envelope: { rcptTo: ['someone@else.example'] } },
      reason: /envelope/,
    },
  ];
  test('an envelope naming the same recipients as the headers stays Simple', () => {
    const now = new Date(Date.UTC(2026, 10, 27, 12, 0, 0));
    const simpleWith = (draft: Draft) =>
      sesV2SendEmail({ draft, built: buildMessage(draft, { now }) });
    const base = { from: 'ana@example.com', subject: 'Hi', text: 'Hello.' };
    // An international domain: the envelope carries it in punycode, the header as written.
    const idn = simpleWith({
      ...base,
      to: ['Zoë <zoe@bücher.example>'],
      envelope: { rcptTo: ['zoe@bücher.example'] },
    });
    expect(idn.rawReasons).toEqual([]);
    expect(idn.content).toBe('Simple');
    // The same address in To and Cc is one envelope recipient.
    const twice = simpleWith({
      ...base,
      to: ['bo@example.net'],
      cc: ['Bo <bo@example.net>'],
      envelope: { rcptTo: ['bo@example.net'] },
    });
    expect(twice.rawReasons).toEqual([]);
    // A group's members are the recipients, not its name.
    const group = simpleWith({
      ...base,
      to: ['Team: bo@example.net, cy@example.org;'],
      envelope: { rcptTo: ['cy@example.org', 'bo@example.net'] },
    });
    expect(group.rawReasons).toEqual([]);
    const other = simpleWith({
      ...base,
      to: ['bo@example.net'],
      envelope: { rcptTo: ['bo@example.net', 'cy@example.org'] },
    });
    expect(other.content).toBe('Raw');
  });

  for (const { name, overrides, reason } of rawCases) {
    test(`falls back to Raw for ${name}, with the message bytes as base64`, () => {
      const source = sampleSource(overrides);
      const exported = sesV2SendEmail(source);
      expect(exported.content).toBe('Raw');
      expect(exported.rawReasons.join(' ')).toMatch(reason);
      const json = JSON.parse(toCliJson(exported.request));
      expect(problemsOf(sendEmailV2, json)).toEqual([]);
      expect(base64ToBytes(json.Content.Raw.Data)).toEqual(source.built.raw);
      expect(json.Destination).toEqual({ ToAddresses: source.built.envelope.rcptTo });
    });
  }

  test('an envelope sender different from From becomes the feedback address', () => {
    const source = sampleSource({ envelope: { mailFrom: 'bounces@example.com' } });
    expect(sesV2SendEmail(source).request.FeedbackForwardingEmailAddress).toBe(
      'bounces@example.com',
    );
    expect(sesV2SendEmail(sampleSource()).request.FeedbackForwardingEmailAddress).toBeUndefined();
  });
});

describe('v1 SendRawEmail', () => {
  test('carries the message, its envelope, configuration set and tags in the documented shape', () => {
    const source = sampleSource();
    const json = JSON.parse(toCliJson(sesV1SendRawEmail(source)));
    expect(problemsOf(sendRawEmailV1, json)).toEqual([]);
    expect(base64ToBytes(json.RawMessage.Data)).toEqual(source.built.raw);
    expect(json.Source).toBe('ana@example.com');
    expect(json.Destinations).toEqual(source.built.envelope.rcptTo);
    expect(json.ConfigurationSetName).toBe('Receipts');
    expect(json.Tags).toHaveLength(2);
  });
});

describe('message tags header', () => {
  const cases = [
    {
      input: 'a=1, b=2',
      expected: [
        { Name: 'a', Value: '1' },
        { Name: 'b', Value: '2' },
      ],
    },
    {
      input: 'a=1,b=x=y',
      expected: [
        { Name: 'a', Value: '1' },
        { Name: 'b', Value: 'x=y' },
      ],
    },
    // Kept as SES reads them, so that SES's tag check refuses them as it would the header.
    {
      input: 'novalue, =orphan',
      expected: [
        { Name: 'novalue', Value: '' },
        { Name: '', Value: 'orphan' },
      ],
    },
    { input: '', expected: [] },
  ];
  for (const { input, expected } of cases) {
    test(JSON.stringify(input), () => expect(parseMessageTags(input)).toEqual(expected));
  }
});

describe('addresses in requests', () => {
  test('are 7-bit: non-ASCII names as encoded words, IDN domains as punycode', () => {
    const { request } = sesV2SendEmail(
      sampleSource({ from: 'Zoë Ünal <zoe@bücher.example>', to: ['"Doe, Jo" <jo@example.com>'] }),
    );
    expect(request.FromEmailAddress).toMatch(
      /^=\?UTF-8\?[QB]\?.+\?= <zoe@xn--bcher-kva\.example>$/i,
    );
    expect(request.Destination?.ToAddresses).toEqual(['"Doe, Jo" <jo@example.com>']);
    expect(JSON.stringify(request.FromEmailAddress)).toMatch(/^"[ -~]+"$/);
  });
});
