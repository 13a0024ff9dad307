/**
 * Where the SES simulator's state lives between visits: one value in IndexedDB, written after
 * every change (a write at a time, the latest state last), and a BroadcastChannel on which pages
 * sharing the database tell each other they wrote, so a second tab follows the first instead of
 * overwriting it later with what it had.
 */
import type { SesSimulatorState } from '../ses/index.ts';
import { openDatabase, type Database, type OpenDatabaseOptions } from './db.ts';

/** The SES database, its store, and the key the simulator state is kept under. */
export const SES_DATABASE = 'mailwright-ses';
const STATE_STORE = 'state';
const STATE_KEY = 'simulator';
/** The last state that was read back and found sound: what the page opens with if the next is not. */
const LAST_GOOD_KEY = 'simulator-last-good';
/** A saved record that could not be read, kept aside so nothing is lost and it can be exported. */
const DAMAGED_KEY = 'simulator-damaged';

/** How the state is kept. */
export interface SesPersistenceOptions extends OpenDatabaseOptions {
  /**
   * The channel pages announce their writes on. Default: `mailwright-ses` with the page's own
   * IndexedDB, none with another factory (tests name one when they want it).
   */
  channel?: string | false;
}

/** The saved state: read it, write it, hear of other pages' writes. */
export class SesPersistence {
  /** Called when another page wrote the state. */
  onOtherPageSaved: (() => void) | undefined;
  /** Called after each write with null, or with why it failed. */
  onWriteResult: ((error: unknown) => void) | undefined;

  #options: SesPersistenceOptions;
  #db: Database | undefined;
  #channel: BroadcastChannel | undefined;
  #writing: Promise<void> | undefined;
  #pending: SesSimulatorState | undefined;
  #closed = false;

  constructor(options: SesPersistenceOptions = {}) {
    this.#options = options;
  }

  /** Open the database and start listening to other pages; the saved state, if any. */
  async open(): Promise<SesSimulatorState | undefined> {
    this.#db = await openDatabase(SES_DATABASE, [STATE_STORE], this.#options);
    const name = this.#options.channel ?? (this.#options.factory ? false : SES_DATABASE);
    if (name !== false && typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(name);
      this.#channel.onmessage = () => this.onOtherPageSaved?.();
    }
    return this.read();
  }

  /** The saved state, if any. */
  async read(): Promise<SesSimulatorState | undefined> {
    return this.#db?.store<SesSimulatorState>(STATE_STORE).get(STATE_KEY);
  }

  /** Remember a state that was read back and found sound, in case the next one is not. */
  async keepLastGood(state: SesSimulatorState): Promise<void> {
    await this.#db?.store<SesSimulatorState>(STATE_STORE).put(LAST_GOOD_KEY, state);
  }

  /** The last state found sound, if any (it may be damaged too: the caller checks it). */
  async readLastGood(): Promise<unknown> {
    return this.#db?.store<unknown>(STATE_STORE).get(LAST_GOOD_KEY);
  }

  /** Keep a record that could not be read, so that saving the next state does not destroy it. */
  async setAside(record: unknown): Promise<void> {
    await this.#db?.store<unknown>(STATE_STORE).put(DAMAGED_KEY, record);
  }

  /** Whether a write is running or waiting. */
  get busy(): boolean {
    return this.#writing !== undefined;
  }

  /** Write this state: at once when no write runs, else right after the running one. */
  write(state: SesSimulatorState): void {
    this.#pending = state;
    this.#writing ??= this.#drain().finally(() => {
      this.#writing = undefined;
    });
  }

  async #drain(): Promise<void> {
    while (this.#pending && this.#db) {
      const state = this.#pending;
      this.#pending = undefined;
      try {
        await this.#db.store<SesSimulatorState>(STATE_STORE).put(STATE_KEY, state);
        this.onWriteResult?.(null);
        if (!this.#closed) this.#channel?.postMessage('saved');
      } catch (error) {
        this.onWriteResult?.(error);
      }
    }
  }

  /** Wait until every write asked for so far is done. */
  async flush(): Promise<void> {
    while (this.#writing) await this.#writing;
  }

  /** Stop listening, and close the database once the writes are done. */
  close(): void {
    this.#closed = true;
    this.#channel?.close();
    void this.flush().then(() => this.#db?.close());
  }
}
