import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { simpleContentObstacles } from '../../../src/lib/export/index.ts';
import { BUILDER_HEADERS } from '../../../src/lib/mime/header-fields.ts';
import { prepareSend } from '../../../src/lib/ses/outbound/validation.ts';
import { sampleSource } from './sample.ts';
import { simpleRequest } from '../ses/support.ts';
import { propertyRuns } from '../../support/property-runs.ts';

/** Characters around the edges of SES's header name and value patterns. */
const edge = fc.constantFrom('a', 'Z', '-', ':', ' ', '@', '~', ';', '\t', 'é', '\x7f', '!');
const text = (max: number) =>
  fc.oneof(
    fc.string({ unit: edge, minLength: 0, maxLength: 8 }),
    fc.string({ unit: fc.constantFrom('a', 'b'), minLength: max - 2, maxLength: max + 2 }),
  );

/** Whether the simulator takes a Simple request with these extra headers and attachments. */
function simulatorTakes(extra: {
  Headers?: Array<{ Name: string; Value: string }>;
  Attachments?: Array<{ FileName: string; RawContent: Uint8Array }>;
}): boolean {
  try {
    prepareSend(
      simpleRequest(['b@x.example'], {
        Content: {
          Simple: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Hello.' } }, ...extra },
        },
      }),
    );
    return true;
  } catch {
    return false;
  }
}

describe('Simple content limits', () => {
  test.prop([fc.oneof(text(126), fc.constant('X-Note')), text(995)], propertyRuns(300))(
    'the export keeps a header in Simple content exactly when the simulator accepts it',
    (name, value) => {
      fc.pre(!BUILDER_HEADERS.has(name.trim().toLowerCase()));
      fc.pre(!name.trim().toLowerCase().startsWith('x-ses-'));
      const obstacles = simpleContentObstacles(sampleSource({ headers: [{ name, value }] }));
      expect(obstacles.length === 0).toBe(
        simulatorTakes({ Headers: [{ Name: name, Value: value }] }),
      );
    },
  );

  test.prop([fc.integer({ min: 250, max: 260 })])(
    'an attachment file name fits Simple content exactly when the simulator accepts it',
    (length) => {
      const filename = `${'a'.repeat(length - 4)}.pdf`;
      const attachments = [{ filename, content: new Uint8Array([1]) }];
      const fits = simpleContentObstacles(sampleSource({ attachments })).length === 0;
      const takes = simulatorTakes({
        Attachments: [{ FileName: filename, RawContent: new Uint8Array([1]) }],
      });
      expect(fits).toBe(takes);
    },
  );
});
