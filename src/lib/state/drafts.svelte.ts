/**
 * The person's drafts, kept in IndexedDB: listed, opened, created from the sample, duplicated,
 * renamed and deleted. Attachment bytes live in their own store, written once when attached, so
 * saving a draft as the person types writes only its text.
 */
/* eslint-disable svelte/prefer-svelte-reactivity -- the Maps and Dates here are values handed to
   the caller or to IndexedDB, never observed; only `summaries` is reactive. */
import { openDatabase, type Database, type OpenDatabaseOptions } from './db.ts';
import { emptyFields, type DraftFields, type DraftRecord } from './draft-fields.ts';
import { sampleFields, sampleLogo, SAMPLE_LOGO_ID } from './sample-draft.ts';

/** The drafts database and its stores. */
export const DRAFTS_DATABASE = 'mailwright-drafts';
const DRAFTS = 'drafts';
const ATTACHMENTS = 'attachments';
const SETTINGS = 'settings';
const CURRENT_DRAFT_KEY = 'current-draft';

/** A line of the drafts list. */
export interface DraftSummary {
  id: string;
  name: string;
  updatedAt: string;
}

/** A draft ready to edit: its record and its attachments' bytes by id. */
export interface OpenedDraft {
  record: DraftRecord;
  contents: Map<string, Uint8Array>;
}

/** A fresh identifier for a draft, an attachment or a header row. */
export function newId(): string {
  return crypto.randomUUID();
}

function summaryOf(record: DraftRecord): DraftSummary {
  return { id: record.id, name: record.name, updatedAt: record.updatedAt };
}

function byRecent(a: DraftSummary, b: DraftSummary): number {
  return b.updatedAt.localeCompare(a.updatedAt);
}

/** What a new, empty draft is called: "Untitled N", with the smallest N no draft uses. */
export function untitledName(names: Iterable<string>): string {
  const taken = new Set(names);
  let n = 1;
  while (taken.has(`Untitled ${n}`)) n++;
  return `Untitled ${n}`;
}

const UNTITLED = /^Untitled \d+$/;

/**
 * A draft's name follows its subject until the person renames it: the name changes with the
 * subject while it is still what the subject was (or an "Untitled N" placeholder, or empty).
 * Returns the name the draft should have after its subject went from `before` to `after`.
 */
export function nameAfterSubjectChange(
  name: string,
  before: string,
  after: string,
  otherNames: Iterable<string>,
): string {
  const following = name === before.trim() || name === '' || UNTITLED.test(name);
  if (!following) return name;
  if (after.trim()) return after.trim();
  return UNTITLED.test(name) ? name : untitledName(otherNames);
}

/** The drafts library. Call `load()` once before anything else. */
export class DraftLibrary {
  /** Every draft, most recently changed first. */
  summaries = $state<DraftSummary[]>([]);
  #db: Database | undefined;
  #options: OpenDatabaseOptions;
  #now: () => Date;

  constructor(options: OpenDatabaseOptions & { now?: () => Date } = {}) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
  }

  get #database(): Database {
    if (!this.#db) throw new RangeError('Call load() before using the drafts library.');
    return this.#db;
  }

  /** Open the database and the draft the person last worked on (or a new sample draft). */
  async load(): Promise<OpenedDraft> {
    this.#db ??= await openDatabase(
      DRAFTS_DATABASE,
      [DRAFTS, ATTACHMENTS, SETTINGS],
      this.#options,
    );
    const records = await this.#database.store<DraftRecord>(DRAFTS).getAll();
    this.summaries = records.map(summaryOf).sort(byRecent);
    const current = await this.#database.store<string>(SETTINGS).get(CURRENT_DRAFT_KEY);
    const id =
      current && records.some((record) => record.id === current) ? current : this.summaries[0]?.id;
    return id ? this.open(id) : this.create();
  }

  /** Create a draft from the sample and make it current. */
  async create(): Promise<OpenedDraft> {
    const fields = sampleFields();
    const logoId = newId();
    fields.attachments = fields.attachments.map((info) =>
      info.id === SAMPLE_LOGO_ID ? { ...info, id: logoId } : info,
    );
    fields.headers = fields.headers.map((row) => ({ ...row, id: newId() }));
    const contents = new Map([[logoId, sampleLogo()]]);
    return this.#add(fields, contents, fields.subject);
  }

  /** Create an empty draft named "Untitled N" and make it current. */
  async createBlank(): Promise<OpenedDraft> {
    const name = untitledName(this.summaries.map((summary) => summary.name));
    return this.#add(emptyFields(), new Map(), name);
  }

  /** Copy a draft, attachments included, and make the copy current. */
  async duplicate(id: string): Promise<OpenedDraft> {
    const { record, contents } = await this.#read(id);
    const copies = new Map<string, Uint8Array>();
    const fields: DraftFields = structuredClone(record.fields);
    fields.attachments = fields.attachments.map((info) => {
      const copyId = newId();
      const bytes = contents.get(info.id);
      if (bytes) copies.set(copyId, bytes);
      return { ...info, id: copyId };
    });
    return this.#add(fields, copies, `${record.name} (copy)`);
  }

  /** Open a draft and remember it as the current one. */
  async open(id: string): Promise<OpenedDraft> {
    const opened = await this.#read(id);
    await this.#database.store<string>(SETTINGS).put(CURRENT_DRAFT_KEY, id);
    return opened;
  }

  /** Save a draft's fields (attachment bytes are saved by `putAttachment`). */
  async save(record: DraftRecord): Promise<void> {
    const saved: DraftRecord = { ...record, updatedAt: this.#now().toISOString() };
    await this.#database.store<DraftRecord>(DRAFTS).put(record.id, saved);
    this.summaries = [summaryOf(saved), ...this.summaries.filter((item) => item.id !== record.id)];
  }

  /** Rename a draft. */
  async rename(id: string, name: string): Promise<void> {
    const record = await this.#database.store<DraftRecord>(DRAFTS).get(id);
    if (record) await this.save({ ...record, name });
  }

  /**
   * Delete a draft and its attachments. Returns the draft to show next (another one, or a new
   * sample when none is left).
   */
  async remove(id: string): Promise<OpenedDraft> {
    const record = await this.#database.store<DraftRecord>(DRAFTS).get(id);
    await this.#database.write([DRAFTS, ATTACHMENTS], (transaction) => {
      transaction.objectStore(DRAFTS).delete(id);
      for (const info of record?.fields.attachments ?? []) {
        transaction.objectStore(ATTACHMENTS).delete(info.id);
      }
    });
    this.summaries = this.summaries.filter((item) => item.id !== id);
    const next = this.summaries[0];
    return next ? this.open(next.id) : this.create();
  }

  /**
   * Store an attachment's bytes; done as soon as a file is attached, so a crash cannot lose it. A
   * file is stored as it is: IndexedDB copies a Blob off the page's thread, where 20 MB of bytes
   * would be serialized on it.
   */
  async putAttachment(id: string, content: Blob | Uint8Array): Promise<void> {
    await this.#database.store<Blob | Uint8Array>(ATTACHMENTS).put(id, content);
  }

  /** Forget an attachment's bytes. */
  async deleteAttachment(id: string): Promise<void> {
    await this.#database.store<Uint8Array>(ATTACHMENTS).delete(id);
  }

  async #add(
    fields: DraftFields,
    contents: Map<string, Uint8Array>,
    name: string,
  ): Promise<OpenedDraft> {
    const now = this.#now().toISOString();
    const record: DraftRecord = { id: newId(), name, createdAt: now, updatedAt: now, fields };
    await this.#database.write([DRAFTS, ATTACHMENTS], (transaction) => {
      for (const [attachmentId, bytes] of contents) {
        transaction.objectStore(ATTACHMENTS).put(bytes, attachmentId);
      }
      transaction.objectStore(DRAFTS).put(record, record.id);
    });
    this.summaries = [summaryOf(record), ...this.summaries];
    await this.#database.store<string>(SETTINGS).put(CURRENT_DRAFT_KEY, record.id);
    return { record, contents };
  }

  async #read(id: string): Promise<OpenedDraft> {
    const record = await this.#database.store<DraftRecord>(DRAFTS).get(id);
    if (!record) throw new RangeError(`There is no draft with id ${id}.`);
    const contents = new Map<string, Uint8Array>();
    const attachments = this.#database.store<Blob | Uint8Array>(ATTACHMENTS);
    for (const info of record.fields.attachments) {
      const stored = await attachments.get(info.id);
      if (!stored) continue;
      contents.set(
        info.id,
        stored instanceof Uint8Array ? stored : new Uint8Array(await stored.arrayBuffer()),
      );
    }
    return { record, contents };
  }
}
