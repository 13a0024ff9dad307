import { describe, expect, test } from 'vitest';
import { readSesHeaders } from '../../../src/lib/export/index.ts';
import type { HeaderField } from '../../../src/lib/mime/types.ts';
import { prepareSend } from '../../../src/lib/ses/outbound/validation.ts';
import { rawRequest } from '../ses/support.ts';

/** What the simulator reads from the same headers in a Raw send. */
function simulatorReads(headers: HeaderField[]) {
  const prepared = prepareSend(
    rawRequest(['b@x.example'], { extra: headers.map((h) => [h.name, h.value]) }),
  );
  return { configurationSetName: prepared.configurationSetName, tags: prepared.tags };
}

describe('the exports read X-SES-* headers as the simulator does', () => {
  const cases: Array<{ name: string; headers: HeaderField[] }> = [
    {
      name: 'tags and a configuration set',
      headers: [
        { name: 'X-SES-CONFIGURATION-SET', value: 'Receipts' },
        { name: 'x-ses-message-tags', value: 'campaign=receipt, tier=gold' },
      ],
    },
    {
      name: 'two tag headers, whose tags are taken together',
      headers: [
        { name: 'X-SES-MESSAGE-TAGS', value: 'campaign=receipt' },
        { name: 'X-SES-MESSAGE-TAGS', value: 'tier=gold' },
      ],
    },
    {
      name: 'two configuration-set headers, of which the first counts',
      headers: [
        { name: 'X-SES-CONFIGURATION-SET', value: 'First' },
        { name: 'X-SES-CONFIGURATION-SET', value: 'Second' },
      ],
    },
  ];
  for (const { name, headers } of cases) {
    test(name, () => {
      const exported = readSesHeaders(headers);
      expect({ configurationSetName: exported.configurationSetName, tags: exported.tags }).toEqual(
        simulatorReads(headers),
      );
    });
  }

  test('a tag without a value is kept, for SES to refuse, not dropped', () => {
    const headers = [{ name: 'X-SES-MESSAGE-TAGS', value: 'campaign=receipt, novalue' }];
    expect(readSesHeaders(headers).tags).toEqual([
      { Name: 'campaign', Value: 'receipt' },
      { Name: 'novalue', Value: '' },
    ]);
    expect(() => simulatorReads(headers)).toThrow('The tag value must be specified.');
  });

  test('two tag headers give every tag, in order, in both', () => {
    const headers = [
      { name: 'X-SES-MESSAGE-TAGS', value: 'campaign=receipt' },
      { name: 'X-SES-MESSAGE-TAGS', value: 'tier=gold' },
    ];
    const tags = [
      { Name: 'campaign', Value: 'receipt' },
      { Name: 'tier', Value: 'gold' },
    ];
    expect(readSesHeaders(headers).tags).toEqual(tags);
    expect(simulatorReads(headers).tags).toEqual(tags);
  });
});
