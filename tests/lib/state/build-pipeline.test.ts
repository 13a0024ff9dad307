import { describe, expect, test, vi } from 'vitest';
import { buildMessage, buildMessageSegments } from '../../../src/lib/mime/build.ts';
import type { EncodedCache } from '../../../src/lib/mime/serialize.ts';
import { buildOptionsFor } from '../../../src/lib/workers/build-options.ts';
import { BlockSender } from '../../../src/lib/workers/raw-blocks.ts';
import { toEngineDraft } from '../../../src/lib/state/draft-fields.ts';
import {
  BuildPipeline,
  PAGE_BUILD_LIMIT,
  stableMessageId,
  type AssembledMessage,
  type BuildChannel,
} from '../../../src/lib/state/build-pipeline.ts';
import { emptyFields, type DraftFields } from '../../../src/lib/state/draft-fields.ts';
import type { MessageBytes } from '../../../src/lib/state/message-bytes.ts';
import type { MessageChange } from '../../../src/lib/state/message-diff.ts';
import { applyChange } from '../../support/raw-diff.ts';
import type { RawParts } from '../../../src/lib/workers/raw-blocks.ts';
import type {
  BuildWorkerResponse,
  DraftReference,
} from '../../../src/lib/workers/build-protocol.ts';

const NOW = new Date(Date.UTC(2026, 0, 1, 12, 0));

function fields(patch: Partial<DraftFields>): DraftFields {
  return { ...emptyFields(), from: 'a@example.com', to: 'b@example.org', ...patch };
}

/** A pipeline whose worker is a recording fake; `answer` plays the worker's replies. */
function harness(options: { pageBuilder?: boolean } = {}) {
  const builds: { draft: DraftReference; seq: number }[] = [];
  const pageBuilds = { count: 0 };
  let answer!: (response: BuildWorkerResponse) => void;
  const channel: BuildChannel = {
    setAttachment: vi.fn(),
    forget: vi.fn(),
    build: (draft, _now, _seed, seq) => builds.push({ draft, seq }),
    compareText: () => 1,
    terminate: vi.fn(),
  };
  const shown: AssembledMessage[] = [];
  const errors: string[] = [];
  const pipeline = new BuildPipeline({
    connect: (listener) => {
      answer = listener;
      return channel;
    },
    ...(options.pageBuilder
      ? {
          loadPageBuilder: () =>
            Promise.resolve((...args: Parameters<typeof buildMessageSegments>) => {
              pageBuilds.count++;
              return buildMessageSegments(...args);
            }),
        }
      : {}),
    clock: () => NOW,
    onMessage: (message) => shown.push(message),
    onError: (message) => errors.push(message),
    onTextMatch: () => {},
  });
  const changes: { change: MessageChange; raw: MessageBytes }[] = [];
  pipeline.onRawChange((change, raw) => changes.push({ change, raw }));
  pipeline.start();
  return {
    pipeline,
    builds,
    pageBuilds,
    answer: (r: BuildWorkerResponse) => answer(r),
    shown,
    errors,
    changes,
  };
}

function built(
  seq: number,
  raw: Uint8Array | RawParts,
  attachmentLines: { ref: string; block: number }[] = [],
): BuildWorkerResponse {
  const tree = { contentType: 'text/plain', children: [] } as never;
  return {
    type: 'built',
    seq,
    raw: raw instanceof Uint8Array ? { parts: [raw], blocks: [], dropped: [] } : raw,
    envelope: {} as never,
    tree,
    diagnostics: [],
    buildMs: 1,
    attachmentLines,
  };
}

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (raw: Uint8Array | MessageBytes) =>
  new TextDecoder().decode(raw instanceof Uint8Array ? raw : raw.toBytes());

/** The view's bytes after applying every change told so far. */
function applied(changes: { change: MessageChange; raw: MessageBytes }[]): Uint8Array {
  let view: Uint8Array = new Uint8Array(0);
  for (const { change, raw } of changes) view = applyChange(view, change, raw.toBytes());
  return view;
}

describe('BuildPipeline', () => {
  test('small drafts are built on the page, and each change applied to the last gives the new message', async () => {
    const { pipeline, builds, shown, changes } = harness({ pageBuilder: true });
    await Promise.resolve();
    const lookup = () => undefined;
    pipeline.build(fields({ subject: 'One', text: 'Hello' }), 'draft-1', lookup);
    pipeline.build(fields({ subject: 'Two', text: 'Hello' }), 'draft-1', lookup);
    expect(builds).toEqual([]);
    expect(shown).toHaveLength(2);
    expect(applied(changes)).toEqual(changes[1]!.raw.toBytes());
    expect(applied(changes.slice(0, 1))).toEqual(changes[0]!.raw.toBytes());
    expect(text(shown[1]!.raw)).toContain('Subject: Two');
    expect(text(shown[1]!.raw)).toContain(
      `Message-ID: ${stableMessageId('draft-1', 'a@example.com')}`,
    );
    // The second change is only the line that moved, not the whole message.
    expect(changes[1]!.change.length).toBeLessThan(shown[1]!.raw.length / 2);
  });

  test('large drafts go to the worker with their attachments by reference, never by value', () => {
    const { pipeline, builds } = harness();
    const content = new Uint8Array(PAGE_BUILD_LIMIT + 1);
    const draft = fields({
      attachments: [
        {
          id: 'big',
          filename: 'big.bin',
          contentType: 'application/octet-stream',
          size: content.length,
          inline: false,
        },
        {
          id: 'gone',
          filename: 'gone.bin',
          contentType: 'application/octet-stream',
          size: 1,
          inline: false,
        },
      ],
    });
    pipeline.build(draft, 'draft-1', (id) => (id === 'big' ? content : undefined));
    expect(builds).toHaveLength(1);
    expect(builds[0]!.draft.attachments).toEqual([
      { ref: 'big', filename: 'big.bin', contentType: 'application/octet-stream' },
    ]);
    expect(JSON.stringify(builds[0]!.draft).length).toBeLessThan(2000);
  });

  test('once the worker has sent a large attachment’s lines, the page builds the draft itself, with the same bytes', async () => {
    const { pipeline, builds, pageBuilds, answer, shown } = harness({ pageBuilder: true });
    await Promise.resolve();
    const content = new Uint8Array(2 * 1024 * 1024);
    for (let i = 0; i < content.length; i += 509) content[i] = i % 253;
    const contents = (id: string) => (id === 'big' ? content : undefined);
    const info = { id: 'big', filename: 'big.bin', contentType: 'application/octet-stream' };
    const draft = (subject: string) =>
      fields({ subject, attachments: [{ ...info, size: content.length, inline: false }] });
    const engineDraft = (subject: string) =>
      toEngineDraft(draft(subject), contents, {
        messageId: stableMessageId('draft-1', 'a@example.com'),
      });
    const options = buildOptionsFor('draft-1', NOW);

    pipeline.build(draft('One'), 'draft-1', contents);
    expect(builds).toHaveLength(1);
    expect(pageBuilds.count).toBe(0);
    // The worker's answer, made as the worker makes it.
    const workerCache: EncodedCache = new WeakMap();
    const sender = new BlockSender();
    const first = buildMessageSegments(engineDraft('One'), options, workerCache);
    const { raw } = sender.send(first.segments);
    const block = sender.idOf(workerCache.get(content)!)!;
    answer(built(1, raw, [{ ref: 'big', block }]));
    const lines = raw.blocks[0]!.bytes;

    pipeline.build(draft('Two'), 'draft-1', contents);
    expect(builds).toHaveLength(1);
    expect(pageBuilds.count).toBe(1);
    const page = shown.at(-1)!.raw;
    const expected = Buffer.from(buildMessage(engineDraft('Two'), options).raw);
    // Compared as buffers: a deep equality of 2.8 MB takes seconds.
    expect(Buffer.from(page.toBytes()).equals(expected)).toBe(true);
    // The attachment's lines are the block the worker sent, not a new encoding of them.
    expect(page.segments).toContain(lines);

    // A draft with another large attachment the worker has not encoded goes back to the worker.
    const other = new Uint8Array(PAGE_BUILD_LIMIT + 1);
    const both = draft('Three');
    both.attachments.push({ ...info, id: 'other', size: other.length, inline: false });
    pipeline.build(both, 'draft-1', (id) => (id === 'other' ? other : contents(id)));
    expect(builds).toHaveLength(2);
    expect(pageBuilds.count).toBe(1);
  });

  test('a build that ends after a newer one is dropped, and each change is from the message shown', () => {
    const { pipeline, answer, shown, changes } = harness();
    for (let i = 0; i < 3; i++) pipeline.build(fields({}), 'd', () => undefined);
    const first = bytes('A\r\nB\r\n');
    const third = bytes('A\r\nC\r\n');
    answer(built(1, first));
    answer(built(3, third));
    answer(built(2, bytes('stale')));
    expect(shown.map((message) => text(message.raw))).toEqual(['A\r\nB\r\n', 'A\r\nC\r\n']);
    const fourth = bytes('A\r\nD\r\n');
    pipeline.build(fields({}), 'd', () => undefined);
    answer(built(4, fourth));
    expect(text(applied(changes))).toBe('A\r\nD\r\n');
  });

  test('a failed build is reported unless a newer one has been shown', () => {
    const { pipeline, answer, errors } = harness();
    pipeline.build(fields({}), 'd', () => undefined);
    pipeline.build(fields({}), 'd', () => undefined);
    answer(built(2, bytes('x\r\n')));
    answer({ type: 'failed', seq: 1, message: 'old' });
    answer({ type: 'failed', seq: 3, message: 'The From address is empty.' });
    expect(errors).toEqual(['The From address is empty.']);
  });
});
