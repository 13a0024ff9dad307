import { describe, expect, it } from 'vitest';
import {
  createSesSimulator,
  DEFAULT_RECIPIENT_USER_AGENT,
  type SesSimulator,
} from '../../../../src/lib/ses/index.ts';
import { verifyDkim } from '../../../../src/lib/mime/dkim/index.ts';
import { hasPython, parseWithPython } from '../../../support/python-email.ts';
import { rawRequest, simulator, T0, thrown } from '../support.ts';
import { keyedSimulator, publishAll } from '../identities/identity-support.ts';

const TO = 'success@simulator.amazonses.com';
const HTML =
  '<html><body><p>Hi <a href="https://example.com/a?b=1&amp;c=2" ses:tags="campaign:spring;link:cta">go</a> ' +
  '<a ses:no-track href="https://example.com/n">n</a></p></body></html>';

function withTracking(ses: SesSimulator, types: Array<'OPEN' | 'CLICK'> = ['OPEN', 'CLICK']) {
  ses.putConfigurationSet({
    name: 'Track',
    tags: [],
    sendingEnabled: true,
    eventDestinations: [
      { name: 'engagement', enabled: true, kind: 'SNS', matchingEventTypes: types },
    ],
  });
}

function sendSimple(ses: SesSimulator, set: string | null = 'Track'): string {
  const { MessageId } = ses.sendEmail({
    FromEmailAddress: 'sender@example.com',
    Destination: { ToAddresses: [TO] },
    ...(set !== null ? { ConfigurationSetName: set } : {}),
    EmailTags: [{ Name: 'campaign', Value: 'spring' }],
    Content: {
      Simple: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Plain' }, Html: { Data: HTML } } },
    },
  });
  ses.advance(10_000);
  return MessageId;
}

/** A Raw message: text part in QP, HTML part in base64, a PDF attachment, LF-free CRLF. */
function rawTracked(): string {
  const html = Buffer.from(HTML.replace('Hi', 'Hé')).toString('base64').replace(/.{76}/g, '$&\r\n');
  return [
    'From: sender@example.com',
    `To: ${TO}`,
    'Subject: Raw',
    'MIME-Version: 1.0',
    'X-SES-CONFIGURATION-SET: Track',
    'Content-Type: multipart/mixed; boundary="outer"',
    '',
    '--outer',
    'Content-Type: multipart/alternative; boundary="inner"',
    '',
    '--inner',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'See https://example.com/a',
    '--inner',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    html,
    '--inner--',
    '--outer',
    'Content-Type: application/pdf; name="a.pdf"',
    'Content-Disposition: attachment; filename="a.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    'JVBERi0xLjQK',
    '--outer--',
    '',
  ].join('\r\n');
} // prettier-ignore

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('open and click tracking', () => {
  it('rewrites the links and adds the pixel of Simple content, and publishes exact Open and Click events', () => {
    const ses = simulator();
    withTracking(ses);
    const id = sendSimple(ses);
    const links = ses.trackedLinks(id, TO);
    expect(links).toHaveLength(1);
    const [link] = links;
    expect(link).toMatchObject({ index: 0, originalUrl: 'https://example.com/a?b=1&c=2', tags: { campaign: ['spring'], link: ['cta'] } });
    expect(link!.url).toMatch(new RegExp(`^https://[0-9a-z]{8}\\.r\\.us-east-1\\.awstrack\\.me/L0/https:%2F%2Fexample\\.com%2Fa%3Fb%3D1%26c%3D2/1/${id}/[0-9a-z]{28}=1$`));
    const delivered = text(ses.deliveredMessage(id, TO));
    // The HTML part is quoted-printable: undo the soft breaks and =3D to read it.
    const html = delivered.replace(/=\r\n/g, '').replace(/=3D/g, '=');
    expect(html).toContain(`<a href="${link!.url}" ses:tags="campaign:spring;link:cta">go</a>`);
    expect(html).toContain('<a ses:no-track href="https://example.com/n">n</a>');
    expect(html).toMatch(/<\/p><img alt="" src="https:\/\/[0-9a-z]{8}\.r\.us-east-1\.awstrack\.me\/I0\/[^"]+" style="display: none; width: 1px; height: 1px;"><\/body><\/html>/);
    expect(delivered).toContain('Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\nPlain\r\n');

    ses.advance(60_000);
    ses.clickLink(id, TO, 0, { ipAddress: '198.51.100.7', userAgent: 'Agent/1' });
    ses.advance(1_000);
    ses.openMessage(id, TO);
    const [click, open] = ses.eventLog().slice(-2);
    expect(click).toMatchObject({ eventType: 'Click', configurationSetName: 'Track', destinations: ['engagement'], at: T0 + 70_000 });
    const clickPayload = click!.payload as Record<string, unknown>;
    expect(clickPayload.eventType).toBe('Click');
    expect(clickPayload.click).toEqual({
      ipAddress: '198.51.100.7',
      timestamp: '2026-01-01T00:01:10.000Z',
      userAgent: 'Agent/1',
      link: 'https://example.com/a?b=1&c=2',
      linkTags: { campaign: ['spring'], link: ['cta'] },
    });
    expect(Object.keys(clickPayload)).toEqual(['eventType', 'mail', 'click']);
    expect((clickPayload.mail as { tags: unknown }).tags).toEqual({
      'ses:operation': ['SendEmail'],
      'ses:configuration-set': ['Track'],
      'ses:source-ip': ['192.0.2.0'],
      'ses:from-domain': ['example.com'],
      'ses:caller-identity': ['ses_user'],
      'ses:outgoing-ip': [expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/)],
      campaign: ['spring'],
    });
    expect((open!.payload as Record<string, unknown>).open).toEqual({
      ipAddress: '192.0.2.1',
      timestamp: '2026-01-01T00:01:11.000Z',
      userAgent: DEFAULT_RECIPIENT_USER_AGENT,
    });
    // Clicking by the original or the tracked URL names the same link.
    ses.clickLink(id, TO, 'https://example.com/a?b=1&c=2');
    ses.clickLink(id, TO, link!.url);
    expect(ses.events().filter((e) => (e as { eventType: string }).eventType === 'Click')).toHaveLength(3);
  }); // prettier-ignore

  it('tracks Template content', () => {
    const ses = simulator();
    withTracking(ses, ['CLICK']);
    ses.putEmailTemplate({
      TemplateName: 'Welcome',
      TemplateContent: { Subject: 'Hi {{name}}', Html: '<p><a href="https://example.com/{{name}}">me</a></p>' },
    });
    const { MessageId } = ses.sendEmail({
      FromEmailAddress: 'sender@example.com',
      Destination: { ToAddresses: [TO] },
      ConfigurationSetName: 'Track',
      Content: { Template: { TemplateName: 'Welcome', TemplateData: '{"name":"ana"}' } },
    });
    ses.advance(10_000);
    expect(ses.trackedLinks(MessageId, TO).map((l) => l.originalUrl)).toEqual(['https://example.com/ana']);
    // Clicks only: no pixel.
    expect(text(ses.deliveredMessage(MessageId, TO))).not.toContain('/I0/');
  }); // prettier-ignore

  it('tracks the HTML part of a Raw message and keeps every other byte', async () => {
    const ses = simulator();
    withTracking(ses);
    const { MessageId } = ses.sendEmail({ Content: { Raw: { Data: rawTracked() } } });
    ses.advance(10_000);
    const [link] = ses.trackedLinks(MessageId, TO);
    const delivered = ses.deliveredMessage(MessageId, TO);
    const plain = ses.messages().find((m) => m.messageId === MessageId)!.raw;
    const before = text(plain);
    const after = text(delivered);
    const start = before.indexOf('Content-Transfer-Encoding: base64\r\n\r\n') + 37;
    expect(after.slice(0, start)).toBe(before.slice(0, start));
    expect(after.slice(after.indexOf('\r\n--inner--'))).toBe(before.slice(before.indexOf('\r\n--inner--')));
    if (!hasPython()) return;
    const [report] = parseWithPython([delivered]);
    expect(report!.defects).toEqual([]);
    expect(report!.html).toContain(`<p>Hé <a href="${link!.url}" ses:tags="campaign:spring;link:cta">go</a>`);
    expect(report!.html).toMatch(/<img alt="" src="https:\/\/[^"]+\/I0\/[^"]+" style="display: none; width: 1px; height: 1px;"><\/body><\/html>$/);
    expect(report!.text).toBe('See https://example.com/a');
    expect(report!.parts.map((p) => p.contentType)).toEqual(['text/plain', 'text/html', 'application/pdf']);
    expect(text(report!.parts[2]!.content)).toBe('%PDF-1.4\n');
  }); // prettier-ignore

  it('signs the tracked copy so that its DKIM signatures verify', async () => {
    const ses = await keyedSimulator();
    ses.createEmailIdentity('example.com');
    publishAll(ses, 'example.com');
    ses.advance(10 * 60_000);
    withTracking(ses);
    const request = rawRequest(['bo@example.net'], {
      extra: [['X-SES-CONFIGURATION-SET', 'Track']],
      body: '<a href="https://example.com/">x</a>',
    });
    const raw = (request.Content!.Raw!.Data as string).replace('text/plain', 'text/html');
    const { MessageId } = ses.sendEmail({ Content: { Raw: { Data: raw } } });
    ses.advance(60_000);
    const delivered = ses.deliveredMessage(MessageId, 'bo@example.net');
    expect(text(delivered)).toContain('awstrack.me/L0/');
    const results = verifyDkim(delivered, (name) => ses.resolveTxt(name));
    expect(results.map((r) => r.result)).toEqual(['pass', 'pass']);
  });

  it('refuses plainly what cannot be opened or clicked', () => {
    const ses = simulator();
    withTracking(ses, ['OPEN']);
    const id = sendSimple(ses);
    const untracked = sendSimple(ses, null);
    const message = (run: () => unknown) => (thrown(run) as Error).message;
    expect(message(() => ses.openMessage('nope', TO))).toBe('No message nope was sent.');
    expect(message(() => ses.openMessage(id, 'x@example.com'))).toBe(`x@example.com is not a recipient of ${id}.`);
    expect(message(() => ses.clickLink(id, TO, 0))).toBe(
      `Configuration set Track had no event destination for CLICK events when message ${id} was sent, so its clicks are not tracked.`,
    );
    expect(message(() => ses.openMessage(untracked, TO))).toBe(
      `Message ${untracked} was sent without a configuration set, so it is not tracked.`,
    );
    withTracking(ses, ['CLICK']);
    const clicks = sendSimple(ses);
    expect(message(() => ses.clickLink(clicks, TO, 3))).toBe('The message has no tracked link number 3; it has 1.');
    expect(message(() => ses.clickLink(clicks, TO, 'https://other.example/'))).toBe(
      'The message has no tracked link to https://other.example/.',
    );
    const bounced = ses.sendEmail({ FromEmailAddress: 'sender@example.com', Destination: { ToAddresses: ['bounce@simulator.amazonses.com'] }, ConfigurationSetName: 'Track', Content: { Simple: { Subject: { Data: 'x' }, Body: { Html: { Data: HTML } } } } }).MessageId;
    ses.advance(10_000);
    expect(message(() => ses.clickLink(bounced, 'bounce@simulator.amazonses.com', 0))).toBe(
      `bounce@simulator.amazonses.com has not received ${bounced}; its status is bounced.`,
    );
  }); // prettier-ignore

  it('keeps tracking through export and import, and reads states saved before it existed', () => {
    const ses = simulator();
    withTracking(ses);
    ses.putConfigurationSet({ ...ses.configurationSets()[0]!, customRedirectDomain: 'track.example.com' });
    const id = sendSimple(ses);
    const state = JSON.parse(JSON.stringify(ses.exportState()));
    const copy = createSesSimulator({ now: () => new Date(T0), state });
    expect(copy.trackedLinks(id, TO)).toEqual(ses.trackedLinks(id, TO));
    expect(copy.trackedLinks(id, TO)[0]!.url).toMatch(/^https:\/\/track\.example\.com\/CL0\//);
    expect(copy.configurationSets()[0]!.customRedirectDomain).toBe('track.example.com');
    const older = structuredClone(state);
    delete older.messages[0].tracking;
    delete older.configurationSets[0].customRedirectDomain;
    const old = createSesSimulator({ now: () => new Date(T0), state: older });
    expect(old.trackedLinks(id, TO)).toEqual([]);
    expect(text(old.deliveredMessage(id, TO))).not.toContain('track.example.com');
    const broken = structuredClone(state);
    broken.messages[0].tracking = { open: 'yes', click: true };
    expect(() => createSesSimulator({ state: broken })).toThrow(/messages\[0\]\.tracking\.open/);
  }); // prettier-ignore

  it('refuses a custom redirect domain that is not a domain name', () => {
    const ses = simulator();
    withTracking(ses);
    const set = ses.configurationSets()[0]!;
    expect(() => ses.putConfigurationSet({ ...set, customRedirectDomain: 'https://x' })).toThrow(
      'https://x is not a domain name a custom redirect domain can be.',
    );
  });

  it('opens and clicks as an outcome rule says, at the simulated times it names', () => {
    const ses = simulator({
      sandbox: false,
      outcomeRules: [
        {
          pattern: '*@reader.example',
          outcome: { kind: 'delivery', openAfterMs: 60_000, clickAfterMs: 120_000 },
        },
      ],
    });
    withTracking(ses);
    const { MessageId } = ses.sendEmail({
      FromEmailAddress: 'sender@example.com',
      Destination: { ToAddresses: ['ana@reader.example'] },
      ConfigurationSetName: 'Track',
      Content: { Simple: { Subject: { Data: 'Hi' }, Body: { Html: { Data: HTML } } } },
    });
    ses.advance(10 * 60_000);
    const delivery = ses.notificationLog().find((n) => n.notificationType === 'Delivery')!;
    const engagement = ses
      .eventLog()
      .filter((e) => e.messageId === MessageId && ['Open', 'Click'].includes(e.eventType));
    expect(engagement.map((e) => [e.eventType, e.at - delivery.at])).toEqual([
      ['Open', 60_000],
      ['Click', 120_000],
    ]);
    expect((engagement[1]!.payload as { click: { link: string } }).click.link).toBe(
      'https://example.com/a?b=1&c=2',
    );
    expect(() =>
      ses.setOutcomeRules([{ pattern: '*', outcome: { kind: 'delivery', openAfterMs: -1 } }]),
    ).toThrow('An open or click comes a finite, non-negative time after delivery.');
  });
});
