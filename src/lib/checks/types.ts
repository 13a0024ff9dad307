/**
 * The pre-send checks' public value types (SPEC, "Pre-send checks"). Fields may be added, never
 * renamed or removed.
 */

/** How loud a finding is. */
export type CheckSeverity = 'error' | 'warning' | 'info';

/** What the checks are asked to look at. */
export interface CheckOptions {
  /** Marketing or bulk mail: unsubscribe and bulk-sender rules apply. */
  bulk?: boolean;
  /** Client families that matter (caniemail names, e.g. `gmail`); default: the major ones. */
  clients?: string[];
  /** Verified identities (addresses or domains), to check From against. */
  identities?: string[];
  /** The clock, for date rules; default: the current time. */
  now?: Date;
  /** Run HTML validation (html-validate, loaded on demand). Default: true. */
  validate?: boolean;
}

/** A byte range `[start, end)` in the raw message. */
export interface CheckRange {
  start: number;
  end: number;
}

/** One thing found about the message. */
export interface CheckFinding {
  /** Stable code from the catalogue (`CHECK_CATALOGUE`). */
  code: string;
  severity: CheckSeverity;
  /** One plain sentence, with the fix. */
  message: string;
  /** MIME part path, e.g. `1.2` (`1` for a single-part message's body). */
  part?: string;
  /** Line and column in that part's decoded text, 1-based. */
  line?: number;
  column?: number;
  /** Where the span ends in that text (1-based, exclusive column), for selecting it. */
  endLine?: number;
  endColumn?: number;
  /** Bytes of the raw message, when they are known. */
  range?: CheckRange;
  /** For compatibility findings: the clients concerned. */
  clients?: string[];
  /** A link to the rule's source (caniemail, an RFC, provider documentation). */
  reference?: string;
  /** For `spam-rule` findings: the rule's name and its score. */
  rule?: string;
  points?: number;
}

/** A local spam rule that fired. */
export interface SpamHit {
  rule: string;
  points: number;
  description: string;
}

/** The result of `checkMessage`. */
export interface CheckReport {
  findings: CheckFinding[];
  /** 0 (do not send) to 100 (nothing found). */
  score: number;
  /** The local spam rules that fired and their total, in SpamAssassin's points. */
  spam: { points: number; threshold: number; hits: SpamHit[] };
  /** The client families the compatibility findings were worked out for. */
  clients: string[];
  /** The part paths of the HTML and text bodies the findings' lines refer to. */
  parts: { html?: string; text?: string };
}
