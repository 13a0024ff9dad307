/**
 * From a draft's fields to the assembled message, in order: small drafts are built on the page in
 * the keystroke's own task (no round trip), larger ones in the build worker (the page never
 * freezes); a build that finishes after a newer one is dropped, and every raw listener is told of
 * each change as a byte range, never given a copy of the whole message.
 */
import type { EncodedCache } from '../mime/serialize.ts';
import type {
  BuildOptions,
  BuiltMessage,
  Diagnostic,
  Draft,
  Envelope,
  MimeNode,
} from '../mime/types.ts';
import type { TextMatch } from '../compare/text-match.ts';
import { domainToAscii, flattenAddresses, parseAddressList } from '../mime/address.ts';
import { describeFailure } from '../describe-failure.ts';
import { withoutBidiControls } from '../text/bidi.ts';
import { BlockReceiver } from '../workers/raw-blocks.ts';
import { buildOptionsFor } from '../workers/build-options.ts';
import type { BuildWorkerResponse, DraftReference } from '../workers/build-protocol.ts';
import { toEngineDraft, type DraftFields } from './draft-fields.ts';
import { MessageBytes } from './message-bytes.ts';
import { diffMessages, type MessageChange } from './message-diff.ts';

/** The assembled message as the page shows it. */
export interface AssembledMessage {
  /** The message's bytes, in segments (a large attachment's lines are one, shared by builds). */
  raw: MessageBytes;
  envelope: Envelope;
  tree: MimeNode;
  diagnostics: Diagnostic[];
  buildMs: number;
}

/**
 * Told of each change to the raw message, in order: bytes `from`–`to` of the previous message
 * became `change.length` bytes of `raw`, the new whole message, from `change.from`.
 */
export type RawListener = (change: MessageChange, raw: MessageBytes) => void;

/** The build worker as the pipeline uses it (`BuildClient` on the page, a fake in tests). */
export interface BuildChannel {
  setAttachment(ref: string, content: Blob | Uint8Array): void;
  forget(ref: string): void;
  build(draft: DraftReference, now: Date, seed: string, seq: number): void;
  compareText(text: string, html: string): number;
  terminate(): void;
}

/**
 * Builds a draft on the page: the engine's `buildMessageSegments`, keeping its text bodies
 * between builds, with the base64 lines of large attachments taken from `encoded`.
 */
type BuildMessage = (
  draft: Draft,
  options: BuildOptions,
  encoded: EncodedCache,
) => Omit<BuiltMessage, 'raw'> & { segments: Uint8Array[] };

/** What the pipeline needs from the page. */
export interface BuildPipelineOptions {
  /** Start a build worker that answers to `listener`. */
  connect: (listener: (response: BuildWorkerResponse) => void) => BuildChannel;
  /** The builder used on the page for small drafts; until it has loaded, the worker builds. */
  loadPageBuilder?: () => Promise<BuildMessage>;
  /** The time of the next build (the Date header moves by the minute, not the keystroke). */
  clock?: () => Date;
  onMessage: (message: AssembledMessage) => void;
  onError: (message: string) => void;
  onTextMatch: (result: TextMatch | null) => void;
}

/**
 * Drafts up to this size (bodies and attachments) are built on the page, in the same task as the
 * keystroke; larger ones in the worker (SPEC: heavy work over about 1 MB runs in a worker). A
 * large attachment whose base64 lines the worker has already sent does not count: the page
 * reuses those lines as they are.
 */
export const PAGE_BUILD_LIMIT = 512 * 1024;

/** How long typing must pause before the text body is compared with the HTML again. */
export const TEXT_COMPARE_DELAY_MS = 400;

/** The right-hand side of a draft's Message-ID when From has no usable domain. */
const FALLBACK_ID_DOMAIN = 'mailwright.localhost';

/**
 * A Message-ID that stays the same while the draft is edited (SES replaces it when sending), so
 * the raw view does not change at the top on every keystroke.
 */
export function stableMessageId(draftId: string, from: string): string {
  const address = flattenAddresses(parseAddressList(from))[0]?.address ?? '';
  const domain = domainToAscii(address.slice(address.lastIndexOf('@') + 1)) ?? FALLBACK_ID_DOMAIN;
  return `<${draftId}@${address.includes('@') && domain ? domain : FALLBACK_ID_DOMAIN}>`;
}

/** The current minute: the Date header does not change on every keystroke. */
function thisMinute(): Date {
  return new Date(Math.floor(Date.now() / 60_000) * 60_000);
}

/** Builds a draft's message, on the page or in the worker, and reports each result in order. */
export class BuildPipeline {
  #options: BuildPipelineOptions;
  #channel: BuildChannel | undefined;
  #pageBuild: BuildMessage | undefined;
  #listeners = new Set<RawListener>();
  #buildSeq = 0;
  #appliedSeq = 0;
  #compareSeq = 0;
  #compareTimer: ReturnType<typeof setTimeout> | undefined;
  #lastRaw = new MessageBytes([]);
  #blocks = new BlockReceiver();
  /** Large attachments' base64 lines as the worker sent them, by the attachment's bytes. */
  #attachmentLines: EncodedCache = new WeakMap();
  #contents: (id: string) => Uint8Array | undefined = () => undefined;

  constructor(options: BuildPipelineOptions) {
    this.#options = options;
  }

  /** Start the worker (and load the page's builder in the background). */
  start(): void {
    if (!this.#channel) {
      // A new worker numbers its blocks afresh.
      this.#blocks = new BlockReceiver();
      this.#channel = this.#options.connect((response) => this.#receive(response));
    }
    void this.#options.loadPageBuilder?.().then((build) => {
      this.#pageBuild = build;
    });
  }

  /** Stop the worker. */
  stop(): void {
    clearTimeout(this.#compareTimer);
    this.#channel?.terminate();
    this.#channel = undefined;
  }

  /** Whether the worker is running. */
  get started(): boolean {
    return this.#channel !== undefined;
  }

  /** Give the worker an attachment's bytes (once; builds refer to them by id). */
  share(id: string, content: Blob | Uint8Array): void {
    this.#channel?.setAttachment(id, content);
  }

  /** Let the worker forget an attachment's bytes. */
  unshare(id: string): void {
    this.#channel?.forget(id);
  }

  /** Listen to raw message changes; returns the function that stops listening. */
  onRawChange(listener: RawListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Build these fields (a snapshot, not reactive state) for draft `draftId`. */
  build(fields: DraftFields, draftId: string, contents: (id: string) => Uint8Array | undefined) {
    if (!this.#channel) return;
    const seq = ++this.#buildSeq;
    const now = (this.#options.clock ?? thisMinute)();
    const extra = { messageId: stableMessageId(draftId, fields.from) };
    this.#contents = contents;
    if (this.#pageBuild && this.#pageSize(fields, contents) <= PAGE_BUILD_LIMIT) {
      this.#buildOnPage(this.#pageBuild, seq, toEngineDraft(fields, contents, extra), draftId, now);
      return;
    }
    // The worker keeps the attachments' bytes: the draft refers to them by id.
    const { attachments: _, ...rest } = toEngineDraft(
      { ...fields, attachments: [] },
      contents,
      extra,
    );
    const reference: DraftReference = {
      ...rest,
      attachments: fields.attachments
        .filter((info) => contents(info.id) !== undefined)
        .map((info) => ({
          ref: info.id,
          filename: withoutBidiControls(info.filename),
          contentType: info.contentType,
          ...(info.inline ? { inline: true } : {}),
          ...(info.contentId ? { contentId: info.contentId } : {}),
          ...(info.alternative ? { alternative: true } : {}),
        })),
    };
    this.#channel.build(reference, now, draftId, seq);
  }

  /** What a build on the page would encode: bodies, and attachments the worker has not encoded. */
  #pageSize(fields: DraftFields, contents: (id: string) => Uint8Array | undefined): number {
    let size = fields.html.length + fields.text.length;
    for (const info of fields.attachments) {
      const content = contents(info.id);
      if (!content || !this.#attachmentLines.has(content)) size += info.size;
    }
    return size;
  }

  /** Compare the text body with the HTML once typing pauses. */
  scheduleTextCompare(text: string, html: string): void {
    clearTimeout(this.#compareTimer);
    if (!html.trim() || !text.trim()) {
      this.#options.onTextMatch(null);
      return;
    }
    this.#compareTimer = setTimeout(() => {
      if (this.#channel) this.#compareSeq = this.#channel.compareText(text, html);
    }, TEXT_COMPARE_DELAY_MS);
  }

  #buildOnPage(build: BuildMessage, seq: number, draft: Draft, seed: string, now: Date): void {
    try {
      const started = performance.now();
      const options = buildOptionsFor(seed, now);
      const { segments, envelope, tree, diagnostics } = build(
        draft,
        options,
        this.#attachmentLines,
      );
      const buildMs = performance.now() - started;
      this.#accept(seq, { raw: new MessageBytes(segments), envelope, tree, diagnostics, buildMs });
    } catch (error) {
      this.#options.onError(describeFailure(error));
    }
  }

  #receive(response: BuildWorkerResponse): void {
    if (response.type === 'built') {
      const { seq, raw, envelope, tree, diagnostics, buildMs } = response;
      // Every answer is received, even one too late to show: it may bring or drop blocks.
      const bytes = new MessageBytes(this.#blocks.receive(raw));
      for (const { ref, block } of response.attachmentLines) {
        const content = this.#contents(ref);
        const lines = this.#blocks.block(block);
        if (content && lines) this.#attachmentLines.set(content, lines);
      }
      this.#accept(seq, { raw: bytes, envelope, tree, diagnostics, buildMs });
    } else if (response.type === 'failed') {
      if (response.seq >= this.#appliedSeq) this.#options.onError(response.message);
    } else if (response.seq === this.#compareSeq) {
      this.#options.onTextMatch(response.result);
    }
  }

  /** Show a built message if it is newer than the one shown, and tell the raw listeners. */
  #accept(seq: number, message: AssembledMessage): void {
    // An older build finished after a newer one.
    if (seq < this.#appliedSeq) return;
    const change = diffMessages(this.#lastRaw, message.raw);
    this.#appliedSeq = seq;
    this.#lastRaw = message.raw;
    this.#options.onMessage(message);
    for (const listener of this.#listeners) listener(change, message.raw);
  }
}
