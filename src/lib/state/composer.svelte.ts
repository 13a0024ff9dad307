/**
 * The Compose workspace's state: the draft being edited and the message assembled from it, as
 * runes for the components. The work is done by plain classes: `BuildPipeline` (fields → message),
 * `SaveQueue` (fields → IndexedDB) and `AttachmentStore` (attachment bytes); this class only holds
 * what the page shows and wires them together.
 */
import { getContext, setContext } from 'svelte';
import type { MimeNode } from '../mime/types.ts';
import type { TextMatch } from '../compare/text-match.ts';
import { AttachmentStore } from './attachment-store.ts';
import { BuildClient } from './build-client.ts';
import { BuildPipeline, type AssembledMessage, type RawListener } from './build-pipeline.ts';
import {
  emptyFields,
  splitAddressList,
  toEngineDraft,
  type AttachmentInfo,
  type DraftFields,
  type HeaderRow,
} from './draft-fields.ts';
import { newId, type DraftLibrary, type OpenedDraft } from './drafts.svelte.ts';
import { SaveQueue } from './save-queue.ts';

export type { AssembledMessage, RawListener } from './build-pipeline.ts';

/** While typing goes on, the draft is saved at most this often (and at once when the page is left). */
const SAVE_INTERVAL_MS = 150;

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
  /** The draft as the person edits it (attachment bytes are not in it: see `contentOf`). */
  fields = $state<DraftFields>(emptyFields());
  draftId = $state('');
  draftName = $state('');
  /** The latest assembled message, or null before the first build (raw: its bytes are large). */
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
  #createdAt = '';
  readonly #pipeline: BuildPipeline;
  readonly #attachments: AttachmentStore;
  readonly #saves: SaveQueue;

  constructor(library: DraftLibrary) {
    this.#library = library;
    this.#pipeline = new BuildPipeline({
      connect: (listener) => new BuildClient(listener),
      loadPageBuilder: () =>
        Promise.all([import('../mime/build.ts'), import('../mime/text-body-cache.ts')]).then(
          ([{ buildMessageSegments }, { TextBodyCache }]) => {
            // Each keystroke re-encodes only the lines of the bodies it changed.
            const textBodies = new TextBodyCache();
            return (draft, options, encoded) =>
              buildMessageSegments(draft, options, encoded, textBodies);
          },
        ),
      onMessage: (message) => {
        this.message = message;
        this.buildError = null;
      },
      onError: (message) => {
        this.buildError = message;
      },
      onTextMatch: (result) => {
        this.textMatch = result;
      },
    });
    this.#attachments = new AttachmentStore(
      {
        persist: (id, content) => library.putAttachment(id, content),
        drop: (id) => library.deleteAttachment(id),
        share: (id, content) => this.#pipeline.share(id, content),
        unshare: (id) => this.#pipeline.unshare(id),
      },
      newId,
    );
    this.#saves = new SaveQueue({
      save: () => this.save(),
      onStatus: ({ saving, error }) => {
        this.saving = saving;
        this.saveError = error;
      },
      intervalMs: SAVE_INTERVAL_MS,
    });
  }

  /** Start the build worker and open the draft the person last worked on. */
  async start(): Promise<void> {
    if (!this.#pipeline.started) {
      this.#pipeline.start();
      this.#attachments.shareAll();
    }
    this.#show(await this.#library.load());
  }

  /** Stop the worker, saving what is pending. */
  stop(): void {
    if (this.#saves.pending) this.flushSave();
    this.#pipeline.stop();
  }

  /** Listen to raw message changes; returns the function that stops listening. */
  onRawChange(listener: RawListener): () => void {
    return this.#pipeline.onRawChange(listener);
  }

  /** The bytes of an attachment. */
  contentOf(id: string): Uint8Array | undefined {
    return this.#attachments.get(id);
  }

  /** The engine's draft for the current fields (attachments with their bytes). */
  engineDraft() {
    return toEngineDraft(this.fields, (id) => this.#attachments.get(id));
  }

  /** Every address in To, Cc and Bcc, as typed. */
  recipients(): string[] {
    return [this.fields.to, this.fields.cc, this.fields.bcc].flatMap(splitAddressList);
  }

  /** Assemble the current fields. Reads every field, so an effect that calls it tracks them. */
  scheduleBuild(): void {
    const snapshot = $state.snapshot(this.fields) as DraftFields;
    if (!this.ready) return;
    this.#pipeline.build(snapshot, this.draftId, (id) => this.#attachments.get(id));
  }

  /** Compare the text body with the HTML once typing pauses. */
  scheduleTextCompare(): void {
    this.#pipeline.scheduleTextCompare(this.fields.text, this.fields.html);
  }

  /** Select these bytes of the raw message in the raw view. */
  selectRaw(from: number, to: number): void {
    this.rawSelection = { from, to };
  }

  /** Save soon, without saves piling up while the person types. */
  requestSave(): void {
    this.#saves.request();
  }

  /** Save now, whatever is pending (the page is being left). */
  flushSave(): void {
    void this.#saves.flush();
  }

  /** Save the current fields to IndexedDB (text only: attachment bytes were stored once). */
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
    for (const file of files) this.fields.attachments.push(await this.#attachments.add(file));
  }

  /** Remove an attachment and forget its bytes. */
  async removeAttachment(id: string): Promise<void> {
    this.fields.attachments = this.fields.attachments.filter((info) => info.id !== id);
    this.#attachments.forget(id);
    await this.save();
    await this.#attachments.drop(id);
  }

  /** Make an attachment an inline part with a Content-ID (or a plain attachment again). */
  setInline(info: AttachmentInfo, inline: boolean): void {
    info.inline = inline;
    if (inline && !info.contentId) {
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup, never observed
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
    this.#attachments.replace(contents);
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
