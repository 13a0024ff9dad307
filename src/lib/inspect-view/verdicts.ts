/**
 * The summary's badges: SPF, DKIM and DMARC verdicts (RFC 8601 result values), DMARC alignment
 * (RFC 7489 §3.1) and the report kind, each with a tone a person can scan.
 */
import type { Inspection } from '../mime/types.ts';

/** One badge. */
export interface VerdictBadge {
  label: string;
  value: string;
  tone: 'good' | 'bad' | 'neutral';
  /** A longer explanation for a tooltip. */
  detail: string;
}

/** RFC 8601 §2.7 results that mean the check succeeded or failed. */
const GOOD = new Set(['pass']);
const BAD = new Set(['fail', 'softfail', 'permerror', 'temperror', 'policy']);

function tone(result: string): VerdictBadge['tone'] {
  const lower = result.toLowerCase();
  return GOOD.has(lower) ? 'good' : BAD.has(lower) ? 'bad' : 'neutral';
}

/** The badges for an inspection, in the order the summary shows them. */
export function verdictBadges(inspection: Inspection): VerdictBadge[] {
  const badges: VerdictBadge[] = [];
  const auth = inspection.authentication;
  if (auth?.spf) {
    badges.push({
      label: 'SPF',
      value: auth.spf.result,
      tone: tone(auth.spf.result),
      detail: `Reported by ${auth.spf.authservId}${auth.spf.reason ? `: ${auth.spf.reason}` : ''}`,
    });
  }
  if (auth && auth.dkim.length > 0) {
    const results = auth.dkim.map((result) => result.result.toLowerCase());
    const value = results.includes('pass') ? 'pass' : (results[0] ?? 'none');
    badges.push({
      label: 'DKIM',
      value: auth.dkim.length > 1 ? `${value} (${auth.dkim.length} signatures)` : value,
      tone: tone(value),
      detail: auth.dkim
        .map(
          (result) =>
            `${result.properties['header.d'] ?? result.properties['header.i'] ?? '?'}: ${result.result}`,
        )
        .join(', '),
    });
  }
  if (auth?.dmarc) {
    badges.push({
      label: 'DMARC',
      value: auth.dmarc.result,
      tone: tone(auth.dmarc.result),
      detail: `Reported by ${auth.dmarc.authservId}`,
    });
  }
  const alignment = inspection.alignment;
  if (alignment?.fromDomain && alignment.passRelaxed !== undefined) {
    badges.push({
      label: 'Alignment',
      value: alignment.passStrict ? 'strict' : alignment.passRelaxed ? 'relaxed' : 'not aligned',
      tone: alignment.passRelaxed ? 'good' : 'bad',
      detail:
        `From domain ${alignment.fromDomain}` +
        (alignment.spf ? `; SPF (Return-Path) ${alignment.spf.domain}` : '') +
        (alignment.dkim.length
          ? `; DKIM d= ${alignment.dkim.map((d) => d.domain).join(', ')}`
          : ''),
    });
  }
  const report = inspection.report;
  if (report?.kind === 'bounce') {
    badges.push({
      label: 'Bounce',
      value: `${report.bounceType} / ${report.bounceSubType}`,
      tone: 'bad',
      detail: `${report.recipients.length} recipient(s)`,
    });
  } else if (report?.kind === 'complaint') {
    badges.push({
      label: 'Complaint',
      value: report.feedbackType ?? 'unspecified',
      tone: 'bad',
      detail: `${report.complainedRecipients.length} recipient(s)`,
    });
  }
  return badges;
}
