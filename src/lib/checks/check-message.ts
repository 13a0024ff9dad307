/**
 * `checkMessage`: every pre-send check run over one raw message (SPEC, "Pre-send checks").
 */
import { checkAccessibility } from './accessibility.ts';
import { checkCompatibility } from './compat.ts';
import { loadCompatIndex } from './compat-data.ts';
import { DEFAULT_CLIENTS } from './compat-support.ts';
import { checkContent } from './content-checks.ts';
import { checkDarkMode } from './dark-mode.ts';
import { checkDeliverability } from './deliverability.ts';
import { FindingList } from './findings.ts';
import { readMessage } from './message.ts';
import { scoreFindings } from './score.ts';
import { checkSpam } from './spam.ts';
import type { CheckOptions, CheckReport } from './types.ts';
import { checkValidity } from './validity.ts';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function checkOptions(options: CheckOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new RangeError('checkMessage takes its options as an object.');
  }
  for (const key of ['clients', 'identities'] as const) {
    const value = options[key];
    if (
      value !== undefined &&
      (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    ) {
      throw new RangeError(`checkMessage's ${key} option must be an array of strings.`);
    }
  }
  if (
    options.now !== undefined &&
    !(options.now instanceof Date && !Number.isNaN(options.now.getTime()))
  ) {
    throw new RangeError("checkMessage's now option must be a valid Date.");
  }
}

/**
 * Check a raw message before it is sent: size, links and images, deliverability, a local spam
 * score, client compatibility, accessibility, dark mode and HTML validity. Malformed mail never
 * makes it throw (problems are findings); it throws RangeError only when called wrongly.
 * Findings come most serious first, then in the order of the message.
 */
export async function checkMessage(raw: Uint8Array, options: CheckOptions = {}): Promise<CheckReport> {
  if (!(raw instanceof Uint8Array)) throw new RangeError('checkMessage takes the raw message as a Uint8Array.');
  checkOptions(options);
  const clients = options.clients ?? [...DEFAULT_CLIENTS];
  const [message, compat] = await Promise.all([readMessage(raw), loadCompatIndex()]);
  const list = new FindingList();
  const deliverability = { bulk: options.bulk ?? false, ...(options.identities ? { identities: options.identities } : {}) };
  checkDeliverability(message, deliverability, list);
  const spam = checkSpam(message, options.now ?? new Date(), list);
  checkContent(message, list);
  checkCompatibility(message, compat, clients, list);
  checkAccessibility(message, list);
  checkDarkMode(message, list);
  if (options.validate !== false) await checkValidity(message, list);
  list.summariseOverflow();
  const findings = list.findings
    .map((finding, order) => ({ finding, order }))
    .sort((a, b) => SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] || a.order - b.order)
    .map(({ finding }) => finding);
  const parts: CheckReport['parts'] = {};
  if (message.html) parts.html = message.html.source.part;
  if (message.text) parts.text = message.text.part;
  return { findings, score: scoreFindings(findings, spam), spam, clients, parts };
} // prettier-ignore
