/** Quoted-printable encoding of 1 MiB of mixed UTF-8 prose: the engine against libqp. */
import { encode, wrap } from 'libqp';
import { encodeQuotedPrintable } from '../src/lib/mime/index.ts';
import type { Suite } from './harness.ts';
import { mixedProse } from './workload.ts';

const input = new TextEncoder()
  .encode(mixedProse(1024 * 1024).replace(/\r\n|\r|\n/g, '\r\n'))
  .subarray(0, 1024 * 1024);
const buffer = Buffer.from(input.buffer, input.byteOffset, input.byteLength);

/** The quoted-printable suite. */
export const qpSuite: Suite = {
  name: 'quoted-printable',
  comparisons: () => [
    {
      name: 'encode 1 MiB mixed UTF-8',
      metric: 'MiB/s',
      bytes: input.length,
      engine: { label: 'encodeQuotedPrintable', run: () => encodeQuotedPrintable(input) },
      peers: [
        // The engine's output is wrapped at 76; libqp wraps in a second step.
        { label: 'libqp encode + wrap', run: () => wrap(encode(buffer), 76) },
        { label: 'libqp encode (no wrap)', run: () => encode(buffer) },
      ],
      goal: 5,
    },
  ],
};
