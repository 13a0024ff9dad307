import { describe, expect, test, vi } from 'vitest';
import { buildMessage } from '../../../src/lib/mime/build.ts';
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
    ...(options.pageBuilder ? { loadPageBuilder: () => Promise.resolve(buildMessage) } : {}),
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
    answer: (r: BuildWorkerResponse) => answer(r),
    shown,
    errors,
    changes,
  };
}

function built(seq: number, raw: Uint8Array | RawParts): BuildWorkerResponse {
  const tree = { contentType: 'text/plain', children: [] } as never;
  return {
    type: 'built',
    seq,
    raw: raw instanceof Uint8Array ? { parts: [raw], blocks: [], dropped: [] } : raw,
    envelope: {} as never,
    tree,
    diagnostics: [],
    buildMs: 1,
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
