/**
 * The Checks panel's state: the person's choices (client families, bulk or not), remembered in
 * IndexedDB, and the latest report for the message in view, worked out in the checks worker a
 * moment after the message stops changing.
 */
import { untrack } from 'svelte';
import { CHECK_AREAS, catalogueEntry, type CheckArea } from '../checks/catalogue.ts';
import { DEFAULT_CLIENTS } from '../checks/compat-support.ts';
import type { CheckFinding, CheckReport } from '../checks/types.ts';
import { ChecksClient } from '../workers/checks-client.ts';
import { SupersededError } from '../workers/inspect-client.ts';
import { describeFailure } from '../describe-failure.ts';
import type { MessageBytes } from './message-bytes.ts';
import { openDatabase, type Database, type OpenDatabaseOptions } from './db.ts';

/** caniemail's client families (its `nicenames.family`), for the picker. */
export const CLIENT_FAMILIES: ReadonlyArray<{ id: string; label: string }> = [
  { id: 'gmail', label: 'Gmail' }, { id: 'outlook', label: 'Outlook' },
  { id: 'apple-mail', label: 'Apple Mail' }, { id: 'yahoo', label: 'Yahoo! Mail' },
  { id: 'samsung-email', label: 'Samsung Email' }, { id: 'thunderbird', label: 'Thunderbird' },
  { id: 'aol', label: 'AOL' }, { id: 'protonmail', label: 'ProtonMail' },
  { id: 'fastmail', label: 'Fastmail' }, { id: 'hey', label: 'HEY' },
  { id: 'mail-ru', label: 'Mail.ru' }, { id: 'gmx', label: 'GMX' }, { id: 'web-de', label: 'WEB.DE' },
  { id: 'orange', label: 'Orange' }, { id: 'sfr', label: 'SFR' }, { id: 'laposte', label: 'LaPoste.net' },
  { id: 't-online-de', label: 'T-online.de' }, { id: 'free-fr', label: 'Free.fr' },
]; // prettier-ignore

/** How long the message must stay unchanged before it is checked. */
export const CHECK_DELAY_MS = 300;
const DATABASE = 'mailwright-checks';
const SETTINGS = 'settings';
const SETTINGS_KEY = 'choices';

/** What the person chose. */
export interface CheckChoices {
  clients: string[];
  bulk: boolean;
}

/** The findings of one area, for the checklist. */
export interface CheckGroup {
  area: CheckArea;
  label: string;
  findings: CheckFinding[];
}

/** Group findings by area, in checklist order; every area is listed, found something or not. */
export function groupFindings(findings: readonly CheckFinding[]): CheckGroup[] {
  return CHECK_AREAS.map(({ area, label }) => ({
    area,
    label,
    findings: findings.filter((f) => (catalogueEntry(f.code)?.area ?? 'content') === area),
  }));
}

/** One Checks panel's state. */
export class ChecksState {
  choices = $state<CheckChoices>({ clients: [...DEFAULT_CLIENTS], bulk: false });
  report = $state.raw<CheckReport | null>(null);
  running = $state(false);
  error = $state<string | null>(null);
  readonly groups = $derived(groupFindings(this.report?.findings ?? []));

  #client = new ChecksClient();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #raw: Uint8Array | MessageBytes | undefined;
  /** A copy of `#raw` nobody else holds, to move to the worker rather than clone there. */
  #spare: Uint8Array | undefined;
  #identities: string[] | undefined;
  #db: Promise<Database> | undefined;
  #options: OpenDatabaseOptions;

  constructor(options: OpenDatabaseOptions = {}) {
    this.#options = options;
  }

  /** Read the remembered choices. */
  async load(): Promise<void> {
    try {
      const saved = await (await this.#database()).store<CheckChoices>(SETTINGS).get(SETTINGS_KEY);
      if (saved && Array.isArray(saved.clients)) {
        this.choices = { clients: [...saved.clients], bulk: !!saved.bulk };
        this.#rerun();
      }
    } catch {
      // Without IndexedDB the defaults stand; the checks still run.
    }
  }

  /**
   * Check this message a moment from now (replacing any check not yet started). Held in
   * segments, it is joined only when the check runs, not on every keystroke. `spare` is a copy
   * of `raw` that no one else holds (say, made in a worker): it moves to the checks worker by
   * transfer, so a large message is not cloned on the page.
   */
  schedule(
    raw: Uint8Array | MessageBytes | undefined,
    identities?: string[],
    spare?: Uint8Array,
  ): void {
    if (raw !== this.#raw || spare) this.#spare = spare;
    this.#raw = raw;
    this.#identities = identities;
    clearTimeout(this.#timer);
    if (!raw) return;
    // Read without subscribing: called from an effect, a new report must not schedule the
    // same message again (and again, every CHECK_DELAY_MS).
    const delay = untrack(() => this.report) ? CHECK_DELAY_MS : 0;
    this.#timer = setTimeout(() => void this.#run(), delay);
  }

  /** Change the choices, remember them, and check again. */
  choose(choices: Partial<CheckChoices>): void {
    this.choices = { ...this.choices, ...choices };
    const saved = $state.snapshot(this.choices);
    void this.#database()
      .then((db) => db.store<CheckChoices>(SETTINGS).put(SETTINGS_KEY, saved))
      .catch(() => {});
    this.#rerun();
  }

  /** Inline a body's CSS in the worker. */
  inlineCss(html: string): Promise<string> {
    return this.#client.inlineCss(html);
  }

  /** Stop the worker and any pending check. */
  dispose(): void {
    clearTimeout(this.#timer);
    this.#client.dispose();
  }

  #rerun(): void {
    if (this.#raw) this.schedule(this.#raw, this.#identities);
  }

  #database(): Promise<Database> {
    this.#db ??= openDatabase(DATABASE, [SETTINGS], this.#options);
    return this.#db;
  }

  async #run(): Promise<void> {
    const raw = this.#raw;
    if (!raw) return;
    this.running = true;
    try {
      const { clients, bulk } = $state.snapshot(this.choices);
      const options = {
        clients,
        bulk,
        ...(this.#identities ? { identities: this.#identities } : {}),
      };
      // A spare copy, or a message in segments joined into a fresh copy, moves to the worker
      // rather than being copied again.
      const spare = this.#spare;
      this.#spare = undefined;
      const joined = !spare && !(raw instanceof Uint8Array) && raw.segments.length > 1;
      const bytes =
        spare ?? (raw instanceof Uint8Array ? raw : joined ? raw.join() : raw.toBytes());
      this.report = await this.#client.check(bytes, options, joined || !!spare);
      this.error = null;
      this.running = false;
    } catch (error) {
      if (error instanceof SupersededError) return;
      this.error = `The checks could not run: ${describeFailure(error)}`;
      this.running = false;
    }
  }
}
