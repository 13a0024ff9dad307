/**
 * Messages between the page and the build worker. Attachment bytes are sent once, by id; each
 * build sends only the draft's text, so a 20 MB attachment is not copied per keystroke.
 */
import type { Diagnostic, DraftAttachment, Draft, Envelope, MimeNode } from '../mime/types.ts';
import type { TextMatch } from '../compare/text-match.ts';
import type { RawParts } from './raw-blocks.ts';

/** An attachment of a draft sent to the worker: its bytes are looked up by `ref`. */
export type AttachmentReference = Omit<DraftAttachment, 'content'> & { ref: string };

/** A draft as sent to the worker. */
export type DraftReference = Omit<Draft, 'attachments'> & { attachments: AttachmentReference[] };

/** Page → worker. */
export type BuildWorkerRequest =
  /** A Blob (an attached file) is read in the worker, so the page never copies its bytes. */
  | { type: 'attachment'; ref: string; content: Blob | Uint8Array }
  | { type: 'forget'; ref: string }
  | {
      type: 'build';
      seq: number;
      draft: DraftReference;
      /** The message's date; ids and boundaries derive from `seed`, so bytes are stable. */
      now: Date;
      seed: string;
    }
  | { type: 'compare-text'; seq: number; text: string; html: string };

/** Worker → page. */
export type BuildWorkerResponse =
  | {
      type: 'built';
      seq: number;
      /** The message's bytes: every `built` answer must be received, in order (see `RawParts`). */
      raw: RawParts;
      envelope: Envelope;
      tree: MimeNode;
      diagnostics: Diagnostic[];
      /** Time spent in `buildMessage`, in milliseconds. */
      buildMs: number;
      /**
       * The blocks that are a large attachment's base64 lines, by the attachment's ref: with
       * them the page can build the same draft itself without encoding the attachment again.
       */
      attachmentLines: Array<{ ref: string; block: number }>;
    }
  | { type: 'failed'; seq: number; message: string }
  | { type: 'text-compared'; seq: number; result: TextMatch };
