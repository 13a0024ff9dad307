/**
 * The bytes of a draft's attachments, by id. A file's bytes are written to IndexedDB once, when
 * it is attached, and handed to the build worker once; after that every build refers to them by
 * id, so typing never copies or stores them again.
 */
import { attachmentType } from '../mime/media-types.ts';
import { withoutBidiControls } from '../text/bidi.ts';
import type { AttachmentInfo } from './draft-fields.ts';

/** Where attachment bytes are kept besides the page: IndexedDB and the build worker. */
export interface AttachmentSinks {
  /** Store a file's bytes for good (a Blob is stored without being read on the page). */
  persist(id: string, content: Blob | Uint8Array): Promise<void>;
  /** Forget them for good. */
  drop(id: string): Promise<void>;
  /** Give them to the build worker (a Blob is read there, off the page's thread). */
  share(id: string, content: Blob | Uint8Array): void;
  /** Let the build worker forget them. */
  unshare(id: string): void;
}

/** A draft's attachment bytes. */
export class AttachmentStore {
  #contents = new Map<string, Uint8Array>();
  #sinks: AttachmentSinks;
  #newId: () => string;

  constructor(sinks: AttachmentSinks, newId: () => string) {
    this.#sinks = sinks;
    this.#newId = newId;
  }

  /** The bytes of an attachment. */
  get(id: string): Uint8Array | undefined {
    return this.#contents.get(id);
  }

  /** Whether the bytes of an attachment are here. */
  has(id: string): boolean {
    return this.#contents.has(id);
  }

  /**
   * Keep a file: stored (as the file itself, which IndexedDB and the worker read without the page
   * copying it) before it is described, so that an attachment in the draft always has its bytes.
   */
  async add(file: File): Promise<AttachmentInfo> {
    const id = this.#newId();
    const [content] = await Promise.all([
      file.arrayBuffer().then((buffer) => new Uint8Array(buffer)),
      this.#sinks.persist(id, file),
    ]);
    this.#contents.set(id, content);
    this.#sinks.share(id, file);
    return {
      id,
      filename: withoutBidiControls(file.name) || 'attachment',
      contentType: attachmentType(file.name, file.type),
      size: content.length,
      inline: false,
    };
  }

  /** Forget an attachment here and in the worker; `drop` removes it from IndexedDB. */
  forget(id: string): void {
    this.#contents.delete(id);
    this.#sinks.unshare(id);
  }

  /** Remove an attachment's stored bytes for good. */
  drop(id: string): Promise<void> {
    return this.#sinks.drop(id);
  }

  /** Hold another draft's attachments instead of these. */
  replace(contents: ReadonlyMap<string, Uint8Array>): void {
    for (const id of this.#contents.keys()) this.#sinks.unshare(id);
    this.#contents = new Map(contents);
    for (const [id, content] of contents) this.#sinks.share(id, content);
  }

  /** Give every attachment to a new build worker. */
  shareAll(): void {
    for (const [id, content] of this.#contents) this.#sinks.share(id, content);
  }
}
