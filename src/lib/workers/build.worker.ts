/**
 * Builds messages off the main thread, so that a draft with a large attachment never freezes the
 * page. Keeps attachment bytes by reference and the previous raw message, and answers each build
 * with the change from the previous one.
 */
import { buildMessage } from '../mime/build.ts';
import type { Draft, DraftAttachment } from '../mime/types.ts';

// html-to-text is large; load it with the first comparison, not with the worker.
const loadTextMatch = () => import('../compare/text-match.ts');
import type { BuildWorkerRequest, BuildWorkerResponse, DraftReference } from './build-protocol.ts';
import { diffRaw } from './raw-diff.ts';
import { buildOptionsFor } from './build-options.ts';
import { describeFailure } from '../describe-failure.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<BuildWorkerRequest>) => void) | null;
  postMessage(message: BuildWorkerResponse, transfer?: Transferable[]): void;
};

/** Attachment bytes by id; a file still being read is a promise of them. */
const contents = new Map<string, Uint8Array | Promise<Uint8Array>>();
let previous: Uint8Array = new Uint8Array(0);

async function resolve(draft: DraftReference): Promise<Draft> {
  const attachments: DraftAttachment[] = [];
  for (const { ref, ...attachment } of draft.attachments) {
    const content = await contents.get(ref);
    if (content) attachments.push({ ...attachment, content });
  }
  return { ...draft, attachments };
}

function keep(ref: string, content: Blob | Uint8Array): void {
  if (content instanceof Uint8Array) {
    contents.set(ref, content);
    return;
  }
  const reading = content.arrayBuffer().then((buffer) => {
    const bytes = new Uint8Array(buffer);
    if (contents.get(ref) === reading) contents.set(ref, bytes);
    return bytes;
  });
  contents.set(ref, reading);
}

async function build(request: Extract<BuildWorkerRequest, { type: 'build' }>): Promise<void> {
  try {
    const draft = await resolve(request.draft);
    const started = performance.now();
    const built = buildMessage(draft, buildOptionsFor(request.seed, request.now));
    const buildMs = performance.now() - started;
    const found = diffRaw(previous, built.raw);
    previous = built.raw;
    // The page gets its own copy, transferred rather than cloned; the change's bytes are a view
    // into that copy, so they cross with it and nothing is copied twice.
    const raw = built.raw.slice();
    const change = { ...found, insert: raw.subarray(found.from, found.from + found.insert.length) };
    scope.postMessage(
      {
        type: 'built',
        seq: request.seq,
        raw,
        change,
        envelope: built.envelope,
        tree: built.tree,
        diagnostics: built.diagnostics,
        buildMs,
      },
      [raw.buffer as ArrayBuffer],
    );
  } catch (error) {
    scope.postMessage({
      type: 'failed',
      seq: request.seq,
      message: describeFailure(error),
    });
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  switch (request.type) {
    case 'attachment':
      keep(request.ref, request.content);
      break;
    case 'forget':
      contents.delete(request.ref);
      break;
    case 'build':
      void build(request);
      break;
    case 'compare-text':
      void loadTextMatch().then(({ compareTextWithHtml }) =>
        scope.postMessage({
          type: 'text-compared',
          seq: request.seq,
          result: compareTextWithHtml(request.text, request.html),
        }),
      );
      break;
  }
};
