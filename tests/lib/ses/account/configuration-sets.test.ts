import { describe, expect, test } from 'vitest';
import {
  createConfigurationSet,
  EVENT_TYPE_NAMES,
  SesError,
} from '../../../../src/lib/ses/index.ts';
import { rawRequest, simulator, thrown } from '../support.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('configuration sets', () => {
  test('a send naming a set that does not exist is refused', () => {
    const ses = simulator();
    const error = thrown(() =>
      ses.sendEmail({
        ...rawRequest(['success@simulator.amazonses.com']),
        ConfigurationSetName: 'Nope',
      }),
    ) as SesError;
    expect([error.code, error.v1Code, error.message]).toEqual([
      'NotFoundException',
      'ConfigurationSetDoesNotExist',
      'Configuration set <Nope> does not exist.',
    ]);
  });

  test('each destination gets only its enabled event types; disabled destinations get nothing', () => {
    const ses = simulator();
    ses.putConfigurationSet({
      name: 'Tracking',
      tags: [{ Key: 'team', Value: 'mail' }],
      sendingEnabled: true,
      eventDestinations: [
        {
          name: 'bounces',
          enabled: true,
          kind: 'SNS',
          matchingEventTypes: ['BOUNCE', 'COMPLAINT'],
          target: 'arn:aws:sns:us-east-1:123456789012:b',
        },
        {
          name: 'all',
          enabled: true,
          kind: 'CLOUDWATCH',
          matchingEventTypes: ['SEND', 'DELIVERY', 'BOUNCE'],
        },
        { name: 'off', enabled: false, kind: 'SNS', matchingEventTypes: ['SEND'] },
      ],
    });
    ses.sendEmail(
      rawRequest(['success@simulator.amazonses.com', 'bounce@simulator.amazonses.com'], {
        extra: [['X-SES-CONFIGURATION-SET', 'Tracking']],
      }),
    );
    ses.advance(60_000);
    expect(ses.eventLog().map((e) => [e.eventType, e.destinations])).toEqual([
      ['Send', ['all']],
      ['Delivery', ['all']],
      ['Bounce', ['bounces', 'all']],
    ]);
    expect(ses.eventLog().every((e) => e.configurationSetName === 'Tracking')).toBe(true);
  });

  test('without a configuration set nothing is published as events; notifications still are', () => {
    const ses = simulator();
    ses.sendEmail(rawRequest(['success@simulator.amazonses.com']));
    ses.advance(60_000);
    expect(ses.events()).toEqual([]);
    expect(ses.notifications()).toHaveLength(1);
  });

  test('the X-SES-* headers are consumed: not in the delivered message, not in the mail headers', () => {
    const ses = simulator();
    ses.putConfigurationSet({
      ...createConfigurationSet('Set1'),
      eventDestinations: [{ name: 'd', enabled: true, kind: 'SNS', matchingEventTypes: ['SEND'] }],
    });
    ses.sendEmail(
      rawRequest(['success@simulator.amazonses.com'], {
        extra: [
          ['X-SES-CONFIGURATION-SET', 'Set1'],
          ['X-SES-MESSAGE-TAGS', 'campaign=spring'],
          ['X-SES-SOURCE-ARN', 'arn:aws:ses:us-east-1:123456789012:identity/example.com'],
        ],
      }),
    );
    const delivered = new TextDecoder().decode(ses.messages()[0]?.raw);
    expect(delivered).not.toMatch(/^X-SES-(CONFIGURATION-SET|MESSAGE-TAGS|SOURCE-ARN):/im);
    const [send] = ses.events() as Json[];
    expect(send?.mail.headers.map((h: Json) => h.name)).toEqual([
      'From',
      'To',
      'Subject',
      'MIME-Version',
      'Content-Type',
    ]);
    expect(send?.mail.tags.campaign).toEqual(['spring']);
    expect(send?.mail.tags['ses:configuration-set']).toEqual(['Set1']);
  });

  test('names and destinations are checked as SES checks them', () => {
    expect(() => createConfigurationSet('has space')).toThrow(RangeError);
    expect(() => createConfigurationSet('x'.repeat(65))).toThrow(RangeError);
    const ses = simulator();
    const set = createConfigurationSet('Ok_set-1');
    expect(() =>
      ses.putConfigurationSet({
        ...set,
        eventDestinations: Array.from({ length: 11 }, (_, i) => ({
          name: `d${i}`,
          enabled: true,
          kind: 'SNS' as const,
          matchingEventTypes: ['SEND' as const],
        })),
      }),
    ).toThrow('A configuration set has at most 10 event destinations.');
    expect(() =>
      ses.putConfigurationSet({
        ...set,
        eventDestinations: [{ name: 'd', enabled: true, kind: 'SNS', matchingEventTypes: [] }],
      }),
    ).toThrow(RangeError);
    ses.putConfigurationSet(set);
    ses.deleteConfigurationSet('Ok_set-1');
    expect(ses.configurationSets()).toEqual([]);
    expect(EVENT_TYPE_NAMES.RENDERING_FAILURE).toBe('Rendering Failure');
  });
});
