/**
 * inspectMessage against postal-mime's full parse on the same bytes: the 2 MB message, a 25 MB
 * message with one 18 MB attachment, and a 500-part message. inspectMessage maps the tree and
 * headers and decodes no attachment until its content is read; a second 25 MB comparison reads
 * every attachment too. Memory growth is measured once per contender (exact with
 * `node --expose-gc`).
 */
import PostalMime from 'postal-mime';
import { buildMessage, inspectMessage, type Draft } from '../src/lib/mime/index.ts';
import type { Suite } from './harness.ts';
import { largeDraft, mixedProse, pseudoRandomBytes } from './workload.ts';

const now = new Date(Date.UTC(2026, 10, 27, 12, 0, 0));
const boundary = (depth: number) => `----=_Bench_${depth}`;

/** 25 MB on the wire: one 18 MiB attachment (base64 makes it about 24.3 MB) and two bodies. */
function hugeDraft(): Draft {
  return {
    from: 'Reports <reports@example.com>',
    to: ['Ops <ops@example.net>'],
    subject: 'Nightly export',
    text: mixedProse(20 * 1024),
    html: `<p>${mixedProse(100 * 1024)}</p>`,
    attachments: [
      { filename: 'export.bin', contentType: 'application/octet-stream', content: pseudoRandomBytes(18 * 1024 * 1024, 25) },
    ],
  };
} // prettier-ignore

/** 500 leaf parts: a text and an HTML body and 498 small attachments. */
function manyPartsDraft(): Draft {
  return {
    from: 'a@example.com',
    to: ['b@example.net'],
    subject: 'Many parts',
    text: 'See the attached files.',
    html: '<p>See the attached files.</p>',
    attachments: Array.from({ length: 498 }, (_, i) => ({
      filename: `part-${i}.txt`,
      contentType: i % 2 ? 'text/csv' : 'application/octet-stream',
      content: pseudoRandomBytes(512 + (i % 7) * 300, i),
    })),
  };
}

interface Workload {
  name: string;
  raw: Uint8Array;
}

let cache: Workload[] | undefined;
function workloads(): Workload[] {
  cache ??= [
    { name: '2 MB message', raw: buildMessage(largeDraft(), { now, boundary }).raw },
    { name: '25 MB message (18 MB attachment)', raw: buildMessage(hugeDraft(), { now, boundary }).raw },
    { name: '500-part message', raw: buildMessage(manyPartsDraft(), { now, boundary }).raw },
  ];
  return cache;
} // prettier-ignore

const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

/** Heap plus array buffers: what a parse allocates, in JS objects and in bytes. */
function used(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/**
 * Memory growth of one run over the baseline: `during` is read right after the run, before any
 * collection (a lower bound of the peak), `held` after a full collection with the result kept.
 */
async function growth(run: () => Promise<unknown>): Promise<{ during: number; held: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const before = used();
  const result = await run();
  const during = used() - before;
  gc?.();
  const held = used() - before;
  if (result === undefined) throw new Error('unreachable: keeps the result alive until here');
  return { during, held };
}

export const inspectSuite: Suite = {
  name: 'inspect',
  comparisons: () => {
    const all = workloads();
    const huge = all[1]!;
    return [
      ...all.map((w) => ({
        name: `${w.name}, ${mib(w.raw.length)}: tree + headers`,
        metric: 'ms' as const,
        engine: { label: 'inspectMessage', run: () => inspectMessage(w.raw) },
        peers: [{ label: 'PostalMime.parse', run: () => PostalMime.parse(w.raw) }],
        goal: w === huge ? 4 : undefined,
      })),
      {
        name: `${huge.name}: every attachment decoded`,
        metric: 'ms' as const,
        engine: {
          label: 'inspectMessage + content',
          run: async () => {
            const inspection = await inspectMessage(huge.raw);
            return inspection.attachments.reduce((sum, a) => sum + a.content.length, 0);
          },
        },
        peers: [{ label: 'PostalMime.parse', run: () => PostalMime.parse(huge.raw) }],
      },
    ];
  },
  notes: async () => {
    const notes: string[] = [];
    const exact = typeof (globalThis as { gc?: unknown }).gc === 'function';
    for (const w of workloads()) {
      const engine = await growth(() => inspectMessage(w.raw));
      const peer = await growth(() => PostalMime.parse(w.raw));
      const ratio = (n: number) => `${mib(n)} (${(n / w.raw.length).toFixed(2)}× input)`;
      notes.push(
        `${w.name} (${mib(w.raw.length)}) memory growth: inspectMessage ${ratio(engine.during)} during, ${ratio(engine.held)} held; ` +
          `PostalMime.parse ${ratio(peer.during)} during, ${ratio(peer.held)} held${exact ? '' : ' [approximate: run with node --expose-gc]'}`,
      );
    }
    return notes;
  },
};
