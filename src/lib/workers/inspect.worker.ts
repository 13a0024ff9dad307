/**
 * The inspection worker: runs `inspectMessage` and indexes the raw text away from the page, so
 * that parsing a large message never blocks typing, scrolling or switching tabs.
 */
import { inspectMessage } from '../mime/index.ts';
import { decodeRawText, encodeRawText } from '../inspect-view/raw-text.ts';
import { describeFailure } from '../describe-failure.ts';
import {
  resultTransferables,
  TextParts,
  type InspectRequest,
  type InspectResponse,
  type InspectTextPart,
} from './inspect-protocol.ts';

/** Slices of pasted text sent ahead of their request. */
const textParts = new TextParts();

function post(message: InspectResponse, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

self.addEventListener('message', (event: MessageEvent<InspectRequest | InspectTextPart>) => {
  if ('textPart' in event.data) {
    textParts.add(event.data);
    return;
  }
  const request = event.data;
  const { id } = request;
  void (async () => {
    try {
      post({ id, kind: 'progress', phase: 'parsing' });
      // Pasted text is made bytes here: on a message of megabytes that is not free.
      const raw =
        'raw' in request
          ? request.raw
          : encodeRawText(textParts.take(id, request.text), request.lineBreak, request.encoding);
      const found = await inspectMessage(raw);
      // Attachment contents may be decoded lazily by getters: read each once here, in the worker,
      // so the page receives plain values and every buffer is transferred, not copied.
      const inspection = {
        ...found,
        attachments: found.attachments.map((attachment) => ({ ...attachment })),
      };
      post({ id, kind: 'progress', phase: 'indexing' });
      const text = request.indexText ? decodeRawText(raw) : undefined;
      post({ id, kind: 'progress', phase: 'transferring' });
      const spare = request.spare ? raw.slice() : undefined;
      post(
        { id, kind: 'result', inspection, raw, text, ...(spare ? { spare } : {}) },
        resultTransferables(inspection, raw, text, spare),
      );
    } catch (error) {
      post({ id, kind: 'error', message: describeFailure(error) });
    }
  })();
});
