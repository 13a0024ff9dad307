/**
 * Messages for the checks' tests: drafts built with the engine's own builder, with a fixed clock
 * and boundaries so that every run checks the same bytes.
 */
import {
  checkMessage,
  type CheckOptions,
  type CheckReport,
} from '../../../src/lib/checks/index.ts';
import { buildMessage, type Draft } from '../../../src/lib/mime/index.ts';

export const NOW = new Date('2026-03-01T09:00:00Z');

/** An HTML page around `body`, with what a careful sender puts in the head. */
export function page(body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Corner Bakery</title>
${head}
</head>
<body>
${body}
</body>
</html>`;
}

/** A draft from the bakery's verified domain, with anything overridden. */
export function draft(overrides: Partial<Draft> = {}): Draft {
  return {
    from: 'Corner Bakery <news@bakery.example>',
    to: ['reader@example.org'],
    subject: 'Three new recipes for March',
    ...overrides,
  };
}

/** Build a draft to raw bytes. */
export function raw(d: Draft): Uint8Array {
  return buildMessage(d, { now: NOW, boundary: (depth) => `b${depth}-boundary` }).raw;
}

/** Check a draft or raw message, without HTML validation unless asked for. */
export function check(
  input: Draft | Uint8Array | string,
  options: CheckOptions = {},
): Promise<CheckReport> {
  const bytes =
    typeof input === 'string'
      ? new TextEncoder().encode(input)
      : input instanceof Uint8Array
        ? input
        : raw(input);
  return checkMessage(bytes, {
    now: NOW,
    validate: false,
    identities: ['bakery.example'],
    ...options,
  });
}

/** The codes a report raised. */
export function codes(report: CheckReport): string[] {
  return report.findings.map((f) => f.code);
}
