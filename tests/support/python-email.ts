/**
 * Python's `email` package (policy=default) as an independent oracle for message correctness.
 * One `python3` process reads a whole batch of messages and reports, per message, every defect
 * it found (message, parts and parsed headers), the top-level headers, the leaf parts with
 * their decoded content, and the plain and HTML bodies.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./python-email.py', import.meta.url));

/** A defect Python's `email` recorded. */
export interface PythonDefect {
  /** `message`, `part N`, or `part N header Name`. */
  where: string;
  /** The defect class, e.g. `InvalidHeaderDefect`. */
  defect: string;
  message: string;
}

/** A leaf part as Python decoded it. */
export interface PythonPart {
  contentType: string;
  filename: string | null;
  disposition: string | null;
  contentId: string | null;
  charset: string | null;
  transferEncoding: string | null;
  /** The decoded payload. */
  content: Uint8Array;
  /** For text parts, the payload decoded in its charset (`get_content()`). */
  text: string | null;
  /** Content types of the enclosing parts, outermost first. */
  ancestors: string[];
}

/** A part as `walk()` visits it: leaves, containers and the field blocks of reports alike. */
export interface PythonNode {
  contentType: string;
  filename: string | null;
  /** Content types of the enclosing parts, outermost first. */
  ancestors: string[];
  /** For a delivery-status or feedback-report part, its field blocks as [name, value] pairs. */
  blocks: Array<Array<[string, string]>> | null;
}

/** What Python saw in one message. */
export interface PythonReport {
  defects: PythonDefect[];
  /** Top-level headers, decoded (`str()` of each header object). */
  headers: Array<[string, string]>;
  parts: PythonPart[];
  /** Every part in `walk()` order, the message itself first. */
  nodes: PythonNode[];
  /** The plain-text body a mail client would show (`get_body(('plain',))`), if any. */
  text: string | null;
  /** The HTML body a mail client would show (`get_body(('html',))`), if any. */
  html: string | null;
}

/** Whether `python3` can be run here. */
export function hasPython(): boolean {
  return spawnSync('python3', ['-c', 'import email.policy'], { stdio: 'ignore' }).status === 0;
}

/** Parse a batch of messages with one `python3` run. Throws when Python fails. */
export function parseWithPython(messages: readonly Uint8Array[]): PythonReport[] {
  const input = JSON.stringify({
    messages: messages.map((raw) =>
      Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64'),
    ),
  });
  const result = spawnSync('python3', [script], { input, maxBuffer: 1 << 30, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`python3 failed: ${result.stderr || result.error?.message}`);
  const reports = JSON.parse(result.stdout) as Array<
    Omit<PythonReport, 'parts'> & {
      parts: Array<Omit<PythonPart, 'content'> & { content: string }>;
    }
  >;
  return reports.map((report) => ({
    ...report,
    parts: report.parts.map((part) => ({
      ...part,
      content: new Uint8Array(Buffer.from(part.content, 'base64')),
    })),
  }));
}
