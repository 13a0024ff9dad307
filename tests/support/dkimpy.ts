/**
 * dkimpy (Debian's `python3-dkim`) as an independent DKIM signer and verifier. One Python run
 * handles a batch of jobs. The interpreter is the first `python3` on the path that can import
 * `dkim`, else Debian's own.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./dkimpy.py', import.meta.url));

function pythonWithDkim(): string {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    if (spawnSync(candidate, ['-c', 'import dkim'], { stdio: 'ignore' }).status === 0) {
      return candidate;
    }
  }
  throw new Error('dkimpy is needed for these tests: install python3-dkim.');
}

/** A job for dkimpy. */
export type DkimpyJob =
  | { op: 'verify'; message: Uint8Array; dns: Record<string, string> }
  | {
      op: 'sign';
      message: Uint8Array;
      selector: string;
      domain: string;
      /** PEM private key. */
      key: string;
      headers?: string[];
      canonicalization?: string;
    };

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Run jobs through dkimpy. */
export function runDkimpy(
  jobs: readonly DkimpyJob[],
): Array<{ results?: boolean[]; message?: Uint8Array }> {
  const input = JSON.stringify({
    jobs: jobs.map((job) => ({ ...job, message: b64(job.message) })),
  });
  const result = spawnSync(pythonWithDkim(), [script], {
    input,
    maxBuffer: 1 << 28,
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`dkimpy failed: ${result.stderr || result.error?.message}`);
  const out = JSON.parse(result.stdout) as Array<{ results?: boolean[]; message?: string }>;
  return out.map((entry) => ({
    results: entry.results,
    message:
      entry.message === undefined
        ? undefined
        : new Uint8Array(Buffer.from(entry.message, 'base64')),
  }));
}

/** Whether dkimpy accepts every DKIM signature in each message, given these DNS answers. */
export function dkimpyVerify(
  messages: readonly Uint8Array[],
  dns: Record<string, string>,
): boolean[][] {
  return runDkimpy(messages.map((message) => ({ op: 'verify' as const, message, dns }))).map(
    (entry) => entry.results ?? [],
  );
}

/** PEM armour around base64 DER. */
export function pem(label: string, base64: string): string {
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
