/**
 * Builds messages off the main thread, so that a draft with a large attachment never freezes the
 * page. Keeps attachment bytes by reference and the previous raw message, and answers each build
 * with the change from the previous one.
 */
import { buildMessage } from '../mime/index.ts';
import type { Draft, DraftAttachment } from '../mime/types.ts';
import { compareTextWithHtml } from '../export/text-match.ts';
import type { BuildWorkerRequest, BuildWorkerResponse, DraftReference } from './build-protocol.ts';
import { diffRaw } from './raw-diff.ts';

/** A MIME boundary is at most 70 characters (RFC 2046 §5.1.1). */
const BOUNDARY_SEED_LENGTH = 24;

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<BuildWorkerRequest>) => void) | null;
  postMessage(message: BuildWorkerResponse, transfer?: Transferable[]): void;
};

const contents = new Map<string, Uint8Array>();
let previous: Uint8Array = new Uint8Array(0);

function resolve(draft: DraftReference): Draft {
  const attachments: DraftAttachment[] = [];
  for (const { ref, ...attachment } of draft.attachments) {
    const content = contents.get(ref);
    if (content) attachments.push({ ...attachment, content });
  }
  return { ...draft, attachments };
}

function build(request: Extract<BuildWorkerRequest, { type: 'build' }>): void {
  const seed = request.seed.replace(/[^A-Za-z0-9]/g, '').slice(0, BOUNDARY_SEED_LENGTH);
  try {
    const started = performance.now();
    const built = buildMessage(resolve(request.draft), {
      now: request.now,
      boundary: (depth: number) => `----=_mw_${depth}_${seed}`,
    });
    const buildMs = performance.now() - started;
    const change = diffRaw(previous, built.raw);
    previous = built.raw;
    const raw = built.raw.slice();
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
      [raw.buffer as ArrayBuffer, change.insert.buffer as ArrayBuffer],
    );
  } catch (error) {
    scope.postMessage({
      type: 'failed',
      seq: request.seq,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  switch (request.type) {
    case 'attachment':
      contents.set(request.ref, request.content);
      break;
    case 'forget':
      contents.delete(request.ref);
      break;
    case 'build':
      build(request);
      break;
    case 'compare-text':
      scope.postMessage({
        type: 'text-compared',
        seq: request.seq,
        result: compareTextWithHtml(request.text, request.html),
      });
      break;
  }
};
