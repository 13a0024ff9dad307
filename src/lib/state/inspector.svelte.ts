/**
 * The Inspect workspace's state: the message being inspected (from a paste, a typed edit, a
 * dropped or opened file, or one message of an mbox), its inspection, and what the person has
 * selected. Components read it and call its methods; none of them holds MIME logic.
 */
import { getContext, setContext } from 'svelte';
import type { InspectedHop, Inspection } from '../mime/types.ts';
import { splitMbox, type MboxMessage } from '../mime/mbox.ts';
import { decodeRawText, encodeRawText, type RawText } from '../inspect-view/raw-text.ts';
import { classifyFile, outlookMessageRefusal } from '../inspect-view/file-kind.ts';
import { countParts, flattenTree, rowAtOffset, type TreeRow } from '../inspect-view/mime-tree.ts';
import { timeRoute, type HopTimeProblem } from '../inspect-view/route-timing.ts';
import { InspectClient, SupersededError, type InspectOutcome } from '../workers/inspect-client.ts';
import { notificationFor } from '../inspect-view/ses-notification.ts';
import { readFile } from '../inspect-view/read-file.ts';
import { draftFromInspection } from '../inspect-view/draft-from-inspection.ts';
import {
  mailboxRow,
  type MailboxReportKind,
  type MailboxRow,
} from '../inspect-view/mailbox-rows.ts';
import { inspectMessage } from '../mime/index.ts';
import { DraftLibrary, newId } from './drafts.svelte.ts';
import { navigation } from './navigation.svelte.ts';
import { describeFailure } from '../describe-failure.ts';
import {
  INSPECT_PHASES,
  WINDOWED_MESSAGE_BYTES,
  type InspectPhase,
} from '../workers/inspect-protocol.ts';

/** Where the workspace is in handling the current input. */
export type InspectStatus = 'empty' | 'reading' | 'parsing' | 'ready' | 'error';

/** A byte range to select in the raw input, with a counter so the same range can be re-selected. */
export interface SelectionRequest {
  from: number;
  to: number;
  serial: number;
}

const NO_TEXT = decodeRawText(new Uint8Array());

/** Quiet time after the last keystroke before a typed or pasted message is inspected. */
const EDIT_DEBOUNCE_MS = 250;

/** How much of an mbox message's start is read to tell whether it may be a report. */
const REPORT_SNIFF_BYTES = 16 * 1024;
/** Larger mbox messages are not read for the report column: a DSN or ARF report is small. */
const REPORT_MAX_BYTES = 512 * 1024;
/** Headers of a DSN or ARF report (RFC 6522), or of a server's plain-text bounce. */
const REPORT_HINT = /multipart\/report|mailer-daemon|postmaster|mail delivery/i;

/** One row of the route table: a Received hop (oldest first) with its timing. */
export interface RouteRow {
  /** 1 for the oldest hop. */
  index: number;
  hop: InspectedHop;
  /** Epoch milliseconds, when the hop has a readable date. */
  time?: number;
  delay?: number;
  share: number;
  problem?: HopTimeProblem;
}

export class Inspector {
  /** The text the raw input shows (as the editor holds it). */
  editorText = $state('');
  /** The bytes of the message inspected (one message, never a whole mbox). */
  bytes: Uint8Array = $state.raw(new Uint8Array());
  /** `bytes` as text, with the line table that maps byte offsets to editor lines. */
  rawText: RawText = $state.raw(NO_TEXT);
  /**
   * Whether the message is too large to show whole (over `WINDOWED_MESSAGE_BYTES`): the raw
   * input then shows a window of `bytes`, read-only, and `editorText` and `rawText` stay empty.
   */
  windowed = $state(false);
  /** The file the message came from, when it came from one. */
  fileName: string | undefined = $state();
  /** The messages of an mbox with their list rows, and which one is inspected. */
  mailbox: { name: string; messages: MboxMessage[]; rows: MailboxRow[] } | undefined = $state.raw();
  /** Per mbox message: whether it is a bounce (SES's type) or complaint; undefined until read. */
  mailboxReports: readonly (MailboxReportKind | undefined)[] = $state.raw([]);
  /** The sample being shown, when the message came from `Try a sample`. */
  sample: { title: string; description: string } | undefined = $state.raw();
  mailboxIndex = $state(0);

  inspection: Inspection | undefined = $state.raw();
  status: InspectStatus = $state('empty');
  /** What is happening now, for the progress display. */
  phase: 'reading' | InspectPhase | undefined = $state();
  /** How much of the work is done, 0–1, when it can be told. */
  progress: number | undefined = $state();
  /** A refusal or failure to tell the person about. */
  notice: string | undefined = $state();
  /** Whether the last inspection ran in the worker, and how long it took (ms). */
  lastRun: { inWorker: boolean; milliseconds: number; bytes: number } | undefined = $state.raw();

  /** The tree row selected in the structure view. */
  selectedPartId: string | undefined = $state();
  /** A range the raw input should select and scroll to. */
  selectionRequest: SelectionRequest | undefined = $state.raw();
  /** The raw input's actual selection, in bytes. */
  editorSelection: { from: number; to: number } | undefined = $state.raw();
  headerFilter = $state('');
  /** The result pane's open tab (an id of components/inspect/tabs.ts). */
  activeTab = $state('summary');
  /** For a bounce or complaint: the SNS notification SES would publish, as JSON. */
  notificationJson: string | undefined = $state();
  /** What `Edit in Compose` left out or why it failed, for the person to read. */
  composeNotice: string | undefined = $state();
  /** Changes with every message loaded, so per-message choices (remote content) start afresh. */
  messageKey = $state('inspect-0');

  readonly rows: TreeRow[] = $derived(this.inspection ? flattenTree(this.inspection.tree) : []);
  readonly partCount: number = $derived(this.inspection ? countParts(this.inspection.tree) : 0);
  readonly selectedRow: TreeRow | undefined = $derived(
    this.rows.find((row) => row.id === this.selectedPartId),
  );
  readonly filteredHeaders: Array<{ index: number; name: string; value: string; decoded: string }> =
    $derived.by(() => {
      const headers = this.inspection?.headers ?? [];
      const query = this.headerFilter.trim().toLowerCase();
      return headers
        .map((header, index) => ({ index, ...header }))
        .filter(
          (header) =>
            !query ||
            header.name.toLowerCase().includes(query) ||
            header.value.toLowerCase().includes(query) ||
            header.decoded.toLowerCase().includes(query),
        );
    });
  readonly route: { rows: RouteRow[]; total?: number } = $derived.by(() => {
    const hops = this.inspection?.route?.hops ?? [];
    const times = hops.map((hop) => (hop.date === undefined ? undefined : Date.parse(hop.date)));
    const timing = timeRoute(times);
    return {
      rows: hops.map((hop, index) => ({
        index: index + 1,
        hop,
        time: times[index],
        ...timing.hops[index],
        share: timing.hops[index]?.share ?? 0,
      })),
      total: timing.total,
    };
  });

  #client = new InspectClient();
  /** The worker's spare copy of `bytes`, until the checks take it (never reactive state). */
  #spare: { of: Uint8Array; copy: Uint8Array } | undefined;
  #serial = 0;
  #mailboxScans = 0;
  #loads = 0;
  #debounce: ReturnType<typeof setTimeout> | undefined;

  /** Open a file the person chose or dropped: a message, an mbox, or a refused `.msg`. */
  async openFile(file: File): Promise<void> {
    this.notice = undefined;
    this.status = 'reading';
    this.phase = 'reading';
    this.progress = 0;
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file, (fraction) => (this.progress = fraction));
    } catch (error) {
      this.#fail(`“${file.name}” could not be read: ${describeFailure(error)}`);
      return;
    }
    this.sample = undefined;
    await this.#openBytes(file.name, bytes);
  }

  /** Open one of the samples of `Try a sample`, as if the person had opened its file. */
  async openSample(sample: {
    title: string;
    description: string;
    fileName: string;
    text: string;
  }): Promise<void> {
    this.sample = { title: sample.title, description: sample.description };
    await this.#openBytes(sample.fileName, new TextEncoder().encode(sample.text));
  }

  async #openBytes(name: string, bytes: Uint8Array): Promise<void> {
    const kind = classifyFile(bytes.subarray(0, 16));
    if (kind === 'outlook-msg') {
      this.status = this.inspection ? 'ready' : 'empty';
      this.phase = undefined;
      this.progress = undefined;
      this.notice = outlookMessageRefusal(name);
      return;
    }
    this.fileName = name;
    const scan = ++this.#mailboxScans;
    if (kind === 'mbox') {
      const messages = splitMbox(bytes);
      this.mailbox = {
        name,
        messages,
        rows: messages.map((message, index) => mailboxRow(message, index)),
      };
      this.mailboxIndex = 0;
      this.mailboxReports = [];
      void this.#readMailboxReports(messages, scan);
      const first = messages[0];
      await this.#inspectBytes(first ? first.raw.slice() : new Uint8Array(), true);
      return;
    }
    this.mailbox = undefined;
    this.mailboxReports = [];
    await this.#inspectBytes(bytes, true);
  }

  /**
   * Tell, message by message and between other work, which messages of an mbox are bounces or
   * complaints, for the list's report column. Only messages whose headers look like a report are
   * read, and only small ones: a report is a few kilobytes.
   */
  async #readMailboxReports(messages: readonly MboxMessage[], scan: number): Promise<void> {
    const found: (MailboxReportKind | undefined)[] = [];
    for (const [index, message] of messages.entries()) {
      if (scan !== this.#mailboxScans) return;
      const head = new TextDecoder().decode(message.raw.subarray(0, REPORT_SNIFF_BYTES));
      if (message.raw.length > REPORT_MAX_BYTES || !REPORT_HINT.test(head)) {
        found[index] = '';
        continue;
      }
      // One message per task, so a long mailbox never holds the page up.
      await new Promise((resolve) => setTimeout(resolve));
      const report = (await inspectMessage(message.raw)).report;
      found[index] = !report ? '' : report.kind === 'bounce' ? report.bounceType : 'Complaint';
      if (scan === this.#mailboxScans) this.mailboxReports = [...found];
    }
    if (scan === this.#mailboxScans) this.mailboxReports = [...found];
  }

  /** Inspect another message of the open mbox. */
  async chooseMailboxMessage(index: number): Promise<void> {
    const message = this.mailbox?.messages[index];
    if (!message) return;
    this.mailboxIndex = index;
    await this.#inspectBytes(message.raw.slice(), true);
  }

  /** The raw input changed because the person typed or pasted: inspect once they pause. */
  editText(text: string): void {
    const lineBreak = this.#lineBreak();
    if (text !== this.editorText) this.sample = undefined;
    this.editorText = text;
    const encoding = this.rawText.encoding;
    clearTimeout(this.#debounce);
    // Encoding waits for the pause too: on a message of megabytes it is not free.
    this.#debounce = setTimeout(
      () => void this.#inspectBytes(encodeRawText(this.editorText, lineBreak, encoding), false),
      EDIT_DEBOUNCE_MS,
    );
  }

  /**
   * The person pasted, and the raw input would now hold `whole`. Text longer than the input
   * shows whole goes to the worker, which makes it bytes, and the input then shows a window of
   * them; shorter text is edited as typing is.
   */
  pasteText(whole: string): void {
    if (whole.length <= WINDOWED_MESSAGE_BYTES) {
      this.windowed = false;
      this.editText(whole);
      return;
    }
    const lineBreak = this.#lineBreak();
    const encoding = this.rawText.encoding;
    this.sample = undefined;
    this.fileName = undefined;
    this.mailbox = undefined;
    this.mailboxReports = [];
    ++this.#mailboxScans;
    void this.#inspect(true, true, (onPhase) =>
      this.#client.inspectText(whole, lineBreak, encoding, onPhase),
    );
  }

  /** The line end for text the person typed or pasted, before `editorText` takes it. */
  #lineBreak(): RawText['lineBreak'] {
    // Pasted text has lost its line ends to the clipboard; a new message gets CRLF as on the wire.
    return this.editorText === '' || this.bytes.length === 0 ? '\r\n' : this.rawText.lineBreak;
  }

  /**
   * A copy of `bytes` made in the worker that no one else holds, once: the checks move it to
   * their worker instead of cloning a message of megabytes on the page. Undefined when there is
   * none (a small message, or the copy was taken).
   */
  takeSpareCopy(bytes: Uint8Array): Uint8Array | undefined {
    const spare = this.#spare;
    this.#spare = undefined;
    return spare?.of === bytes ? spare.copy : undefined;
  }

  /** Select a part in the structure view, and its bytes in the raw input. */
  selectPart(id: string): void {
    const row = this.rows.find((candidate) => candidate.id === id);
    if (!row) return;
    this.selectedPartId = id;
    this.selectBytes(row.node.start, row.node.end);
  }

  /** Ask the raw input to select and show a byte range. */
  selectBytes(from: number, to: number): void {
    this.selectionRequest = { from, to, serial: ++this.#serial };
  }

  /** The person moved the cursor or selection in the raw input (in bytes). */
  cursorMoved(from: number, to: number): void {
    this.editorSelection = { from, to };
    const row = rowAtOffset(this.rows, from);
    if (row) this.selectedPartId = row.id;
  }

  /** The raw input reports its selection after a programmatic change too. */
  selectionShown(from: number, to: number): void {
    this.editorSelection = { from, to };
  }

  /**
   * Open the message in Compose as a new draft (headers, bodies, attachments, inline parts),
   * then show Compose with it.
   */
  async editInCompose(): Promise<void> {
    const inspection = this.inspection;
    if (!inspection) return;
    try {
      const { fields, contents, leftOut } = draftFromInspection(inspection, newId);
      const library = new DraftLibrary();
      await library.load();
      const created = await library.create();
      // The new draft starts from the sample: replace its attachments and fields with ours.
      for (const info of created.record.fields.attachments) await library.deleteAttachment(info.id);
      for (const [id, content] of contents) await library.putAttachment(id, content);
      const name = `Inspected: ${fields.subject || '(no subject)'}`;
      await library.save({ ...created.record, name, fields });
      this.composeNotice = leftOut.length
        ? `Left out of the draft (servers and the builder write them): ${leftOut.join(', ')}.`
        : undefined;
      navigation.reloadCompose();
      navigation.open('compose');
    } catch (error) {
      this.composeNotice = `The draft could not be made: ${describeFailure(error)}`;
    }
  }

  /** Stop background work. */
  dispose(): void {
    clearTimeout(this.#debounce);
    this.#client.dispose();
  }

  async #inspectBytes(bytes: Uint8Array, fromFile: boolean): Promise<void> {
    // Only a message that replaces the input is windowed: typed edits keep the editor whole.
    const windowed = fromFile && bytes.length > WINDOWED_MESSAGE_BYTES;
    await this.#inspect(fromFile, windowed, (onPhase) =>
      this.#client.inspect(bytes, onPhase, !windowed),
    );
  }

  /**
   * Run an inspection and take its outcome. `replacesInput`: the message replaces what the raw
   * input shows (a file, a sample, a large paste), rather than following the person's typing.
   */
  async #inspect(
    replacesInput: boolean,
    windowed: boolean,
    run: (onPhase: (phase: InspectPhase) => void) => Promise<InspectOutcome>,
  ): Promise<void> {
    clearTimeout(this.#debounce);
    this.notice = undefined;
    this.status = 'parsing';
    this.phase = 'parsing';
    this.progress = undefined;
    const wasWindowed = this.windowed;
    // The windowed view is set up while the worker parses, not in the same task as the result.
    if (windowed) this.windowed = true;
    const started = performance.now();
    try {
      const outcome = await run((phase) => {
        this.phase = phase;
        // Parsing is one step the engine does not report on: shown as indeterminate.
        this.progress =
          phase === 'parsing' ? undefined : INSPECT_PHASES.indexOf(phase) / INSPECT_PHASES.length;
      });
      this.#spare = outcome.spare && { of: outcome.raw, copy: outcome.spare };
      this.bytes = outcome.raw;
      this.rawText = outcome.text ?? NO_TEXT;
      if (replacesInput) {
        this.windowed = windowed;
        this.editorText = outcome.text?.text ?? '';
        this.messageKey = `inspect-${++this.#loads}`;
        this.editorSelection = undefined;
      }
      this.inspection = outcome.inspection;
      const notification = await notificationFor(outcome.inspection, outcome.raw, Date.now());
      this.notificationJson = notification && JSON.stringify(notification, null, 2);
      if (!this.rows.some((row) => row.id === this.selectedPartId)) this.selectedPartId = '1';
      this.lastRun = {
        inWorker: outcome.inWorker,
        milliseconds: Math.round(performance.now() - started),
        bytes: outcome.raw.length,
      };
      this.status = 'ready';
      this.phase = undefined;
      this.progress = undefined;
    } catch (error) {
      if (error instanceof SupersededError) return;
      this.windowed = wasWindowed;
      this.#fail(`The message could not be inspected: ${describeFailure(error)}`);
    }
  }

  #fail(message: string): void {
    this.status = 'error';
    this.phase = undefined;
    this.progress = undefined;
    this.notice = message;
  }
}

const KEY = Symbol('inspector');

/** Make an inspector available to the workspace's components. */
export function setInspectorContext(inspector: Inspector): Inspector {
  return setContext(KEY, inspector);
}

/** The workspace's inspector. */
export function getInspectorContext(): Inspector {
  return getContext<Inspector>(KEY);
}
