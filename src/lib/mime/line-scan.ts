/**
 * Line-level checks over the whole message (RFC 5322 §2.1, §2.3; RFC 5321 §4.5.3.1.6): line
 * ends other than CRLF, lines over 998 octets and NUL bytes. Searches with the native
 * `indexOf`, so a 25 MB message costs one pass per byte class, not a loop over every byte.
 */
import { CR, LF } from './bytes.ts';
import type { DiagnosticLog } from './inspect-diagnostics.ts';
import { MAX_LINE_OCTETS } from './limits.ts';

/** What the line scan found; the first offending ranges go to the log. */
export interface LineSummary {
  lines: number;
  bareLf: number;
  bareCr: number;
  longLines: number;
}

function reportLong(log: DiagnosticLog, start: number, end: number): void {
  log.add(
    'error',
    'line-too-long',
    `A line of ${end - start} octets is over the ${MAX_LINE_OCTETS} allowed (RFC 5322 §2.1.1).`,
    start,
    end,
  );
}

/** Check every line of `raw[0, end)`; findings go to `log`, the totals are returned. */
export function scanLines(raw: Uint8Array, log: DiagnosticLog, end = raw.length): LineSummary {
  const summary: LineSummary = { lines: 0, bareLf: 0, bareCr: 0, longLines: 0 };
  let firstBareCr = -1;
  let firstBareLf = -1;
  for (let i = raw.indexOf(CR); i >= 0 && i < end; i = raw.indexOf(CR, i + 1)) {
    if (i + 1 >= end || raw[i + 1] !== LF) {
      summary.bareCr++;
      if (summary.bareCr === 1) firstBareCr = i;
    }
  }
  let lineStart = 0;
  const endLine = (contentEnd: number, next: number) => {
    summary.lines++;
    if (contentEnd - lineStart > MAX_LINE_OCTETS) {
      summary.longLines++;
      reportLong(log, lineStart, contentEnd);
    }
    lineStart = next;
  };
  if (summary.bareCr === 0) {
    for (let i = raw.indexOf(LF); i >= 0 && i < end; i = raw.indexOf(LF, i + 1)) {
      const crlf = i > 0 && raw[i - 1] === CR;
      if (!crlf) if (summary.bareLf++ === 0) firstBareLf = i;
      endLine(crlf ? i - 1 : i, i + 1);
    }
  } else {
    // Bare CRs end lines too, so every byte must be looked at; such messages are rare and small.
    for (let i = 0; i < end; i++) {
      const byte = raw[i];
      if (byte === CR) {
        const crlf = i + 1 < end && raw[i + 1] === LF;
        endLine(i, crlf ? i + 2 : i + 1);
        if (crlf) i++;
      } else if (byte === LF) {
        if (summary.bareLf++ === 0) firstBareLf = i;
        endLine(i, i + 1);
      }
    }
  }
  if (lineStart < end) endLine(end, end);
  if (firstBareCr >= 0) {
    log.add(
      'warning',
      'bare-cr',
      `${summary.bareCr} line(s) end with a bare CR; RFC 5322 §2.3 allows CR only as part of CRLF.`,
      firstBareCr,
      firstBareCr + 1,
    );
  }
  if (firstBareLf >= 0) {
    log.add(
      'warning',
      'bare-lf',
      `${summary.bareLf} line(s) end with a bare LF; Internet mail requires CRLF (RFC 5322 §2.3, RFC 5321 §2.3.8).`,
      firstBareLf,
      firstBareLf + 1,
    );
  }
  const nul = raw.indexOf(0);
  if (nul >= 0 && nul < end) {
    log.add(
      'error',
      'nul-byte',
      'The message holds a NUL byte, which no line of text may contain (RFC 5322 §2.3).',
      nul,
      nul + 1,
    );
  }
  return summary;
}
