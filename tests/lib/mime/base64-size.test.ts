import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  base64DecodedSize,
  decodeBase64,
  encodeBase64Lines,
} from '../../../src/lib/mime/base64.ts';
import { propertyRuns } from '../../support/property-runs.ts';

describe('base64DecodedSize', () => {
  test.prop([fc.uint8Array({ maxLength: 600 })], propertyRuns())(
    'counts what decoding would give, line breaks and all, without decoding',
    (bytes) => {
      const encoded = encodeBase64Lines(bytes);
      expect(base64DecodedSize(encoded)).toBe(bytes.length);
      expect(base64DecodedSize(encoded)).toBe(decodeBase64(encoded).length);
    },
  );
});
