/**
 * The Compose workspace's state: the draft being edited, its attachments, and the message the
 * build worker assembles from it. Components read and bind to these fields; the workspace's
 * effects call `scheduleBuild` and `save` when they change.
 */
/* eslint-disable svelte/prefer-svelte-reactivity -- attachment bytes and listeners are plain
   containers read imperatively; the reactive view of attachments is `fields.attachments`. */
import { getContext, setContext } from 'svelte';
import type { Diagnostic, Draft, Envelope, MimeNode } from '../mime/types.ts';
import type { TextMatch } from '../export/text-match.ts';
import { diffRaw, type RawChange } from '../workers/raw-diff.ts';
import { buildOptionsFor } from '../workers/build-options.ts';
import type { DraftReference } from '../workers/build-protocol.ts';
import { domainToAscii, flattenAddresses, parseAddressList } from '../mime/address.ts';
import { attachmentType } from '../mime/media-types.ts';
import { BuildClient } from './build-client.ts';
import { describeFailure } from '../describe-failure.ts';
import {
  emptyFields,
  splitAddressList,
  toEngineDraft,
  type AttachmentInfo,
  type DraftFields,
  type HeaderRow,
} from './draft-fields.ts';
import { newId, type DraftLibrary, type OpenedDraft } from './drafts.svelte.ts';

/** The assembled message as the page shows it. */
export interface AssembledMessage {
  raw: Uint8Array;
  envelope: Envelope;
  tree: MimeNode;
  diagnostics: Diagnostic[];
  buildMs: number;
}

/** Told of each change to the raw message, in order, with the new whole message. */
export type RawListener = (change: RawChange, raw: Uint8Array) => void;

/** While typing goes on, the draft is saved at most this often (and at once when the page is left). */
const SAVE_INTERVAL_MS = 150;

/** How long typing must pause before the text body is compared with the HTML again. */
const TEXT_COMPARE_DELAY_MS = 400;

/** The right-hand side of a draft's Message-ID when From has no usable domain. */
const FALLBACK_ID_DOMAIN = 'mailwright.localhost';

/**
 * A Message-ID that stays the same while the draft is edited (SES replaces it when sending), so
 * the raw view does not change at the top on every keystroke.
 */
function stableMessageId(draftId: string, from: string): string {
  const address = flattenAddresses(parseAddressList(from))[0]?.address ?? '';
  const domain = domainToAscii(address.slice(address.lastIndexOf('@') + 1)) ?? FALLBACK_ID_DOMAIN;
  return `<${draftId}@${address.includes('@') && domain ? domain : FALLBACK_ID_DOMAIN}>`;
}

/**
 * Drafts up to this size (bodies and attachments) are built on the page, in the same task as the
 * keystroke, which saves the round trip to the worker; larger ones are built in the worker so the
 * page never freezes (SPEC: heavy work over about 1 MB runs in a worker).
 */
const PAGE_BUILD_LIMIT = 512 * 1024;

type BuildMessage = typeof import('../mime/build.ts').buildMessage;

/** A Content-ID made from a file name: `logo.png` → `logo.png@mailwright`. */
function contentIdFor(filename: string, taken: ReadonlySet<string>): string {
  const base = filename.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 40) || 'image';
  let id = `${base}@mailwright`;
  for (let n = 2; taken.has(id); n++) id = `${base}.${n}@mailwright`;
  return id;
}

/** The first HTML body part of a message (not an attached .html file), depth first. */
function findHtmlPart(node: MimeNode): MimeNode | undefined {
  if (node.contentType === 'text/html' && !node.filename) return node;
  for (const child of node.children) {
    const found = findHtmlPart(child);
    if (found) return found;
  }
  return undefined;
}

/** The Compose workspace's state. */
export class Composer {
  /** The draft as the person edits it. */
  fields = $state<DraftFields>(emptyFields());
  draftId = $state('');
  draftName = $state('');
  /** The latest assembled message, or null before the first build. */
  message = $state.raw<AssembledMessage | null>(null);
  /** The assembled message's HTML body part, found once per build for every view that needs it. */
  readonly htmlPart = $derived(this.message ? findHtmlPart(this.message.tree) : undefined);
  /** Why the last build failed, if it did. */
  buildError = $state<string | null>(null);
  /** Whether the text body still says what the HTML body says. */
  textMatch = $state.raw<TextMatch | null>(null);
  /** True once a draft has been opened. */
  ready = $state(false);
  /** Why the draft could not be saved, if it could not. */
  saveError = $state<string | null>(null);
  /** Whether a change is still on its way to IndexedDB (a save is running or due). */
  saving = $state(false);
  /** Bytes of the raw message to select in the raw view (from the MIME structure). */
  rawSelection = $state.raw<{ from: number; to: number } | null>(null);

  #library: DraftLibrary;
  #client: BuildClient | undefined;
  #contents = new Map<string, Uint8Array>();
  #createdAt = '';
  #rawListeners = new Set<RawListener>();
  #compareTimer: ReturnType<typeof setTimeout> | undefined;
  #compareSeq = 0;
  #pageBuild: BuildMessage | undefined;
  #buildSeq = 0;
  #appliedSeq = 0;
  #lastRaw: Uint8Array = new Uint8Array(0);
  #lastSource: 'page' | 'worker' = 'worker';
  #saving: Promise<void> | undefined;
  #saveAgain = false;
  #saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(library: DraftLibrary) {
    this.#library = library;
  }

  /** Start the build worker and open the draft the person last worked on. */
  async start(): Promise<void> {
    this.#client ??= new BuildClient((response) => {
      if (response.type === 'built') {
        const { seq, raw, change, envelope, tree, diagnostics, buildMs } = response;
        // The worker's change is from its previous message: usable only if that is on screen.
        const fromPrevious = this.#lastSource === 'worker' && seq > this.#appliedSeq;
        this.#accept(
          seq,
          { raw, envelope, tree, diagnostics, buildMs },
          'worker',
          fromPrevious ? change : undefined,
        );
      } else if (response.type === 'failed') {
        if (response.seq >= this.#appliedSeq) this.buildError = response.message;
      } else if (response.seq === this.#compareSeq) {
        this.textMatch = response.result;
      }
    });
    // The builder for small drafts loads after the first paint; until then the worker builds.
    void import('../mime/build.ts').then(({ buildMessage }) => {
      this.#pageBuild = buildMessage;
    });
    this.#show(await this.#library.load());
  }

  /** Show a built message if it is newer than the one shown, and tell the raw listeners. */
  #accept(
    seq: number,
    message: AssembledMessage,
    source: 'page' | 'worker',
    change: RawChange | undefined,
  ): void {
    if (seq < this.#appliedSeq) {
      // An older build finished after a newer one: the worker's next change cannot be trusted.
      if (source === 'worker') this.#lastSource = 'page';
      return;
    }
    const applied = change ?? diffRaw(this.#lastRaw, message.raw);
    this.#appliedSeq = seq;
    this.#lastRaw = message.raw;
    this.#lastSource = source;
    this.message = message;
    this.buildError = null;
    for (const listener of this.#rawListeners) listener(applied, message.raw);
  }

  /** Stop the worker, saving what is pending. */
  stop(): void {
    clearTimeout(this.#compareTimer);
    if (this.#saveTimer) this.flushSave();
    this.#client?.terminate();
    this.#client = undefined;
  }

  /** Listen to raw message changes; returns the function that stops listening. */
  onRawChange(listener: RawListener): () => void {
    this.#rawListeners.add(listener);
    return () => this.#rawListeners.delete(listener);
  }

  /** The bytes of an attachment. */
  contentOf(id: string): Uint8Array | undefined {
    return this.#contents.get(id);
  }

  /** The engine's draft for the current fields (attachments with their bytes). */
  engineDraft() {
    return toEngineDraft(this.fields, (id) => this.#contents.get(id));
  }

  /** Every address in To, Cc and Bcc, as typed. */
  recipients(): string[] {
    return [this.fields.to, this.fields.cc, this.fields.bcc].flatMap(splitAddressList);
  }

  /** Ask the worker to assemble the current fields. Reads every field, so an effect tracks them. */
  scheduleBuild(): void {
    const snapshot = $state.snapshot(this.fields) as DraftFields;
    if (!this.#client || !this.ready) return;
    // One engine draft per keystroke: built on the page as is, or sent to the worker with its
    // attachments by reference (the worker keeps their bytes).
    const draft = toEngineDraft(snapshot, (id) => this.#contents.get(id), {
      messageId: stableMessageId(this.draftId, snapshot.from),
    });
    // The Date header moves by the minute, not by the keystroke, so the raw view stays still.
    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const seq = ++this.#buildSeq;
    const size =
      snapshot.html.length +
      snapshot.text.length +
      snapshot.attachments.reduce((sum, info) => sum + info.size, 0);
    if (this.#pageBuild && size <= PAGE_BUILD_LIMIT) {
      this.#buildOnPage(this.#pageBuild, seq, draft, now);
      return;
    }
    const { attachments: _, ...rest } = draft;
    const reference: DraftReference = {
      ...rest,
      attachments: snapshot.attachments
        .filter((info) => this.#contents.has(info.id))
        .map((info) => ({
          ref: info.id,
          filename: info.filename,
          contentType: info.contentType,
          ...(info.inline ? { inline: true } : {}),
          ...(info.contentId ? { contentId: info.contentId } : {}),
        })),
    };
    this.#client.build(reference, now, this.draftId, seq);
  }

  #buildOnPage(build: BuildMessage, seq: number, draft: Draft, now: Date): void {
    try {
      const started = performance.now();
      const built = build(draft, buildOptionsFor(this.draftId, now));
      const buildMs = performance.now() - started;
      const { raw, envelope, tree, diagnostics } = built;
      this.#accept(seq, { raw, envelope, tree, diagnostics, buildMs }, 'page', undefined);
    } catch (error) {
      this.buildError = describeFailure(error);
    }
  }

  /** Compare the text body with the HTML once typing pauses. */
  scheduleTextCompare(): void {
    const { text, html } = this.fields;
    clearTimeout(this.#compareTimer);
    if (!html.trim() || !text.trim()) {
      this.textMatch = null;
      return;
    }
    this.#compareTimer = setTimeout(() => {
      if (this.#client) this.#compareSeq = this.#client.compareText(text, html);
    }, TEXT_COMPARE_DELAY_MS);
  }

  /** Select these bytes of the raw message in the raw view. */
  selectRaw(from: number, to: number): void {
    this.rawSelection = { from, to };
  }

  /**
   * Save soon: at once when no save is running, else right after the running one, so that every
   * change reaches IndexedDB without saves piling up while the person types.
   */
  requestSave(): void {
    this.saving = true;
    if (this.#saving || this.#saveTimer) {
      this.#saveAgain = true;
      return;
    }
    this.#saving = this.save()
      .then(() => {
        this.saveError = null;
      })
      .catch((error: unknown) => {
        this.saveError = describeFailure(error);
      })
      .finally(() => {
        this.#saving = undefined;
        if (!this.#saveAgain) {
          this.saving = false;
          return;
        }
        // While the person types, save every SAVE_INTERVAL_MS rather than on every keystroke.
        this.#saveTimer = setTimeout(() => {
          this.#saveTimer = undefined;
          this.#saveAgain = false;
          this.requestSave();
        }, SAVE_INTERVAL_MS);
      });
  }

  /** Save now, whatever is pending (the page is being left). */
  flushSave(): void {
    clearTimeout(this.#saveTimer);
    this.#saveTimer = undefined;
    this.#saveAgain = false;
    void this.save();
  }

  /** Save the current fields to IndexedDB. */
  async save(): Promise<void> {
    if (!this.ready) return;
    const fields = $state.snapshot(this.fields) as DraftFields;
    await this.#library.save({
      id: this.draftId,
      name: this.draftName,
      createdAt: this.#createdAt,
      updatedAt: this.#createdAt,
      fields,
    });
  }

  /** Replace the text body with one generated from the HTML. */
  async generateText(): Promise<void> {
    const { htmlToText } = await import('../export/html-to-text.ts');
    this.fields.text = htmlToText(this.fields.html);
  }

  /** Attach files: their bytes are stored before they appear in the draft. */
  async addFiles(files: Iterable<File>): Promise<void> {
    for (const file of files) {
      const content = new Uint8Array(await file.arrayBuffer());
      const id = newId();
      await this.#library.putAttachment(id, content);
      this.#contents.set(id, content);
      this.#client?.setAttachment(id, content);
      this.fields.attachments.push({
        id,
        filename: file.name || 'attachment',
        contentType: attachmentType(file.name, file.type),
        size: content.length,
        inline: false,
      });
    }
  }

  /** Remove an attachment and forget its bytes. */
  async removeAttachment(id: string): Promise<void> {
    this.fields.attachments = this.fields.attachments.filter((info) => info.id !== id);
    this.#contents.delete(id);
    this.#client?.forget(id);
    await this.save();
    await this.#library.deleteAttachment(id);
  }

  /** Make an attachment an inline part with a Content-ID (or a plain attachment again). */
  setInline(info: AttachmentInfo, inline: boolean): void {
    info.inline = inline;
    if (inline && !info.contentId) {
      const taken = new Set(this.fields.attachments.map((item) => item.contentId ?? ''));
      info.contentId = contentIdFor(info.filename, taken);
    }
  }

  /** The `<img>` that shows an inline attachment in the HTML. */
  imageTagFor(info: AttachmentInfo): string {
    const alt = info.filename.replace(/"/g, '&quot;');
    return `<img src="cid:${info.contentId ?? ''}" alt="${alt}">`;
  }

  /** Add an extra header row. */
  addHeader(name = '', value = ''): HeaderRow {
    const row: HeaderRow = { id: newId(), name, value };
    this.fields.headers.push(row);
    return row;
  }

  /** Remove an extra header row. */
  removeHeader(id: string): void {
    this.fields.headers = this.fields.headers.filter((row) => row.id !== id);
  }

  /** Move a header row up (-1) or down (+1). */
  moveHeader(id: string, delta: -1 | 1): void {
    const rows = this.fields.headers;
    const index = rows.findIndex((row) => row.id === id);
    const target = index + delta;
    const row = rows[index];
    const other = rows[target];
    if (!row || !other) return;
    rows[target] = row;
    rows[index] = other;
  }

  /** Save the current draft, then show the one `open` gives (from the drafts library). */
  async show(open: () => Promise<OpenedDraft>): Promise<void> {
    await this.save();
    this.#show(await open());
  }

  /** The drafts library behind this composer. */
  get library(): DraftLibrary {
    return this.#library;
  }

  #show({ record, contents }: OpenedDraft): void {
    for (const id of this.#contents.keys()) this.#client?.forget(id);
    this.#contents = new Map(contents);
    for (const [id, content] of contents) this.#client?.setAttachment(id, content);
    this.draftId = record.id;
    this.draftName = record.name;
    this.#createdAt = record.createdAt;
    this.fields = record.fields;
    this.ready = true;
  }
}

const COMPOSER = Symbol('composer');

/** Share a composer with the components below. */
export function setComposerContext(composer: Composer): Composer {
  return setContext(COMPOSER, composer);
}

/** The composer shared by an enclosing `setComposerContext`. */
export function getComposerContext(): Composer {
  const composer = getContext<Composer | undefined>(COMPOSER);
  if (!composer) throw new RangeError('This component must be inside the Compose workspace.');
  return composer;
}
