/**
 * Builds messages off the main thread, so that a draft with a large attachment never freezes the
 * page. Keeps attachment bytes by reference and each large attachment's base64 lines once
 * encoded, and answers each build with the message in segments: a large attachment's lines cross
 * to the page once, and a keystroke beside them sends only the headers and text around them.
 */
import { buildMessageSegments } from '../mime/build.ts';
import { TextBodyCache } from '../mime/text-body-cache.ts';
import type { EncodedCache } from '../mime/serialize.ts';
import type { Draft, DraftAttachment } from '../mime/types.ts';

// html-to-text is large; load it with the first comparison, not with the worker.
const loadTextMatch = () => import('../compare/text-match.ts');
import type { BuildWorkerRequest, BuildWorkerResponse, DraftReference } from './build-protocol.ts';
import { BlockSender } from './raw-blocks.ts';
import { buildOptionsFor } from './build-options.ts';
import { describeFailure } from '../describe-failure.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<BuildWorkerRequest>) => void) | null;
  postMessage(message: BuildWorkerResponse, transfer?: Transferable[]): void;
};

/** Attachment bytes by id; a file still being read is a promise of them. */
const contents = new Map<string, Uint8Array | Promise<Uint8Array>>();
/** Each large attachment's base64 lines, by its bytes (gone when the attachment is). */
const encoded: EncodedCache = new WeakMap();
/** The text bodies of the last build: a keystroke re-encodes only the lines it changed. */
const textBodies = new TextBodyCache();
const blocks = new BlockSender();

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
    const built = buildMessageSegments(
      draft,
      buildOptionsFor(request.seed, request.now),
      encoded,
      textBodies,
    );
    const buildMs = performance.now() - started;
    const { raw, transfer } = blocks.send(built.segments);
    const attachmentLines: Array<{ ref: string; block: number }> = [];
    for (const { ref } of request.draft.attachments) {
      const content = contents.get(ref);
      const lines = content instanceof Uint8Array ? encoded.get(content) : undefined;
      const block = lines && blocks.idOf(lines);
      if (block !== undefined) attachmentLines.push({ ref, block });
    }
    scope.postMessage(
      {
        type: 'built',
        seq: request.seq,
        raw,
        envelope: built.envelope,
        tree: built.tree,
        diagnostics: built.diagnostics,
        buildMs,
        attachmentLines,
      },
      transfer,
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
