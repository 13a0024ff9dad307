/**
 * Builds messages off the main thread, so that a draft with a large attachment never freezes the
 * page. Keeps attachment bytes by reference and the previous raw message, and answers each build
 * with the change from the previous one.
 */
import { buildMessage } from '../mime/build.ts';
import type { Draft, DraftAttachment } from '../mime/types.ts';

// html-to-text is large; load it with the first comparison, not with the worker.
const loadTextMatch = () => import('../export/text-match.ts');
import type { BuildWorkerRequest, BuildWorkerResponse, DraftReference } from './build-protocol.ts';
import { diffRaw } from './raw-diff.ts';
import { buildOptionsFor } from './build-options.ts';
import { describeFailure } from '../describe-failure.ts';

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
  try {
    const started = performance.now();
    const built = buildMessage(resolve(request.draft), buildOptionsFor(request.seed, request.now));
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
      message: describeFailure(error),
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
