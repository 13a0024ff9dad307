import { describe, expect, it } from 'vitest';
import {
  SIMULATED_VALUE_NOTES,
  simulatedValuesIn,
  simulatedValuesOfMessage,
  UNSUBSCRIBE_HOST,
  type SesSimulator,
} from '../../../../src/lib/ses/index.ts';
import { trackHtml, type TrackingTarget } from '../../../../src/lib/ses/outbound/engagement.ts';
import { simulator } from '../support.ts';

const TO = 'success@simulator.amazonses.com';
const HTML = '<html><body><p><a href="https://example.com/a">go</a></p></body></html>';

function trackedAccount(): { ses: SesSimulator; id: string } {
  const ses = simulator();
  ses.putConfigurationSet({
    name: 'Track',
    tags: [],
    sendingEnabled: true,
    eventDestinations: [
      {
        name: 'engagement',
        enabled: true,
        kind: 'SNS',
        matchingEventTypes: ['DELIVERY', 'OPEN', 'CLICK'],
      },
    ],
  });
  const { MessageId } = ses.sendEmail({
    FromEmailAddress: 'sender@example.com',
    Destination: { ToAddresses: [TO] },
    ConfigurationSetName: 'Track',
    Content: { Simple: { Subject: { Data: 'Hi' }, Body: { Html: { Data: HTML } } } },
  });
  ses.advance(10_000);
  return { ses, id: MessageId };
}

function eventJson(ses: SesSimulator, type: string): string {
  const event = ses.events().find((e) => (e as { eventType: string }).eventType === type);
  return JSON.stringify(event, null, 2);
}

describe('simulatedValuesIn', () => {
  it('finds the tracked links and the open pixel in the copy a recipient received', () => {
    const { ses, id } = trackedAccount();
    const delivered = new TextDecoder().decode(ses.deliveredMessage(id, TO));
    // The HTML part is quoted-printable: read it as the page shows it in Inspect.
    const html = delivered.replace(/=\r\n/g, '').replace(/=3D/g, '=');
    expect(simulatedValuesIn(html)).toEqual(['tracked-link', 'open-pixel']);
  });

  it('finds them on a custom redirect domain too (CL0, CI0)', () => {
    const target: TrackingTarget = {
      tracking: { open: true, click: true, customRedirectDomain: 'track.example.com' },
      messageId: '0100019b76daa800-0fdc7f12-fa16-4e5e-b2f3-8b96857d6fe7-000000',
      recipient: 'bo@example.net',
      region: 'eu-west-1',
      accountId: '123456789012',
    };
    const { html } = trackHtml(HTML, target, 0);
    expect(html).toContain('https://track.example.com/CL0/');
    expect(simulatedValuesIn(html)).toEqual(['tracked-link', 'open-pixel']);
  });

  it('names the simulated reader of Open and Click events, but not a reader the caller gave', () => {
    const { ses, id } = trackedAccount();
    ses.openMessage(id, TO);
    expect(simulatedValuesIn(eventJson(ses, 'Open'))).toEqual(['engagement-reader']);
    expect(simulatedValuesIn(JSON.stringify(ses.events().at(-1)))).toEqual(['engagement-reader']);
    ses.clickLink(id, TO, 0, { ipAddress: '198.51.100.7', userAgent: 'Agent/1' });
    expect(simulatedValuesIn(eventJson(ses, 'Click'))).toEqual([]);
  });

  it('finds the simulator’s unsubscribe links, in any case', () => {
    const header = `List-Unsubscribe: <https://${UNSUBSCRIBE_HOST.toUpperCase()}/v1/unsubscribe/ab>`;
    expect(simulatedValuesIn(header)).toEqual(['unsubscribe-link']);
  });

  it('finds nothing in a message or payload with only real values', () => {
    const { ses, id } = trackedAccount();
    expect(simulatedValuesIn(HTML)).toEqual([]);
    expect(simulatedValuesIn(eventJson(ses, 'Delivery'))).toEqual([]);
    expect(simulatedValuesIn('<a href="https://example.com/L0/x">')).toEqual([]);
    expect(simulatedValuesIn(id)).toEqual([]);
  });
});

describe('simulatedValuesOfMessage', () => {
  it('follows what the set tracked and whether SES added an unsubscribe link', () => {
    expect(simulatedValuesOfMessage({})).toEqual([]);
    expect(simulatedValuesOfMessage({ tracking: { open: true, click: false } })).toEqual([
      'open-pixel',
      'engagement-reader',
    ]);
    expect(
      simulatedValuesOfMessage({
        tracking: { open: false, click: true },
        listManagement: {
          contactListName: 'News',
          unsubscribeUrl: `https://${UNSUBSCRIBE_HOST}/x`,
        },
      }),
    ).toEqual(['tracked-link', 'engagement-reader', 'unsubscribe-link']);
    // Several recipients: SES adds no link, so nothing is invented.
    expect(simulatedValuesOfMessage({ listManagement: { contactListName: 'News' } })).toEqual([]);
  });

  it('has a note for every kind, each naming what SES does', () => {
    for (const note of Object.values(SIMULATED_VALUE_NOTES)) expect(note).toMatch(/SES/);
    expect(SIMULATED_VALUE_NOTES['unsubscribe-link']).toContain(UNSUBSCRIBE_HOST);
  });
});
