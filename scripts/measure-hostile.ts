/**
 * Time each class of hostile input at a quarter of its reference size, at the reference size and
 * at four times it, to show how the cost grows (linear: ×4 per step; quadratic: ×16).
 *
 *   npx tsx scripts/measure-hostile.ts [class] [scale…]
 *
 * With no class, every class runs at scales 0.25, 1 and 4. Times are CPU seconds of this process.
 * Figures for review, not a test.
 */
import { buildMessage } from '../src/lib/mime/build.ts';
import { inspectMessage } from '../src/lib/mime/inspect.ts';
import { splitMbox } from '../src/lib/mime/mbox.ts';
import { patternMatches } from '../src/lib/ses/account/outcome-rules.ts';
import { createSesSimulator } from '../src/lib/ses/index.ts';
import * as hostile from '../tests/support/hostile-inputs.ts';

const encoder = new TextEncoder();

/** Each class at its reference size (the size the issue measured), run once. */
const CLASSES: Record<string, (scale: number) => Promise<unknown> | unknown> = {
  'same-name-fields': (s) => inspectMessage(hostile.sameNameFields(Math.round(20_000 * s))),
  'date-comments': (s) => inspectMessage(hostile.unclosedDateComments(Math.round(100_000 * s))),
  'rfc2231-value': (s) => inspectMessage(hostile.longRfc2231Value(Math.round(124_000 * s))),
  'rfc2231-simulator': (s) => {
    const ses = createSesSimulator();
    ses.verifyIdentity('example.com');
    try {
      ses.sendEmail({
        Content: { Raw: { Data: hostile.longRfc2231Value(Math.round(124_000 * s)) } },
      });
    } catch (error) {
      if (error instanceof RangeError) throw error;
    }
  },
  'rfc2231-receive': (s) => {
    const ses = createSesSimulator();
    try {
      ses.receiveEmail({ raw: hostile.longRfc2231Value(Math.round(124_000 * s)) });
    } catch (error) {
      if (error instanceof RangeError) throw error;
    }
  },
  'encoded-word-inspect': (s) =>
    inspectMessage(hostile.encodedWordFragmentsMessage(Math.round(64_000 * s))),
  'encoded-word-build': (s) =>
    buildMessage(
      {
        from: `${hostile.encodedWordFragments(Math.round(64_000 * s))} <a@example.com>`,
        to: ['b@example.com'],
        text: 'x',
      },
      { now: new Date(0) },
    ),
  'single-line-header': (s) =>
    inspectMessage(encoder.encode(hostile.singleLineHeader(Math.round(5_000_000 * s)))),
  'nested-prefix-boundaries': (s) =>
    inspectMessage(encoder.encode(hostile.nestedPrefixBoundaries(49, Math.round(25_000_000 * s)))),
  'mbox-unended-headers': (s) =>
    splitMbox(encoder.encode(hostile.mboxUnendedHeaders(Math.round(10_700 * s)))),
  'mbox-bare-from': (s) =>
    splitMbox(encoder.encode(hostile.mboxBareFromLines(Math.round(100_000 * s)))),
  glob: (s) => {
    const { pattern, address } = hostile.backtrackingGlob(10, Math.round(10_000 * s));
    return patternMatches(pattern, address);
  },
};

async function time(name: string, scale: number): Promise<string> {
  const run = CLASSES[name];
  if (!run)
    throw new RangeError(`No class "${name}"; try one of ${Object.keys(CLASSES).join(', ')}.`);
  // CPU time, not wall time: on a shared machine the wall clock mostly measures the neighbours.
  const start = process.cpuUsage();
  try {
    await run(scale);
  } catch (error) {
    return `${name} ×${scale}: ${error instanceof Error ? `${error.name}: ${error.message}` : error}`;
  }
  const used = process.cpuUsage(start);
  return `${name} ×${scale}: ${((used.user + used.system) / 1e6).toFixed(3)} s CPU`;
}

const [only, ...scales] = process.argv.slice(2);
const names = only ? [only] : Object.keys(CLASSES);
const sizes = scales.length > 0 ? scales.map(Number) : [0.25, 1, 4];
for (const name of names) for (const scale of sizes) console.log(await time(name, scale));
