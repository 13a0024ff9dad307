/**
 * What the fuzzer runs: seeded fast-check properties over `inspectMessage`, `buildMessage`, the
 * mbox splitter and sequences of simulator operations (with an export → import replay check).
 * Inputs are mutations of real messages and built drafts, with the hostile fragments that once
 * hung a reader mixed in. The CI slice (`fuzz-slice.test.ts`) and `npm run fuzz` share them.
 */
import { fc } from '@fast-check/vitest';
import { buildMessage, inspectMessage, type Draft } from '../../src/lib/mime/index.ts';
import { formatMbox, splitMbox } from '../../src/lib/mime/mbox.ts';
import { createSesSimulator, parseStateJson, SesError } from '../../src/lib/ses/index.ts';
import { draftArbitrary } from '../lib/mime/draft-arbitrary.ts';

/** One fuzz target: an arbitrary and a check that throws on a finding. */
export interface FuzzTarget<T> {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  check: (input: T) => void | Promise<void>;
  /** The input as bytes for a reproducer file, when it is a message. */
  toBytes?: (input: T) => Uint8Array;
}

const encoder = new TextEncoder();
const now = new Date(Date.UTC(2026, 0, 1));

/** Fragments that stress readers: delimiters, comments, encoded words, long runs. */
const hostileFragment = fc.constantFrom(
  '\r\n',
  '\n',
  '\r',
  '\r\n\r\n',
  ': ',
  '(',
  ')',
  '=?',
  '?=',
  '=?utf-8?q?',
  '=?utf-8?b?',
  "*=utf-8''",
  '*0*=',
  '--',
  '--b--',
  'From ',
  '>From ',
  'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\n',
  'Content-Type: message/rfc822\r\n\r\n',
  'Content-Transfer-Encoding: base64\r\n',
  "Content-Disposition: attachment; filename*0*=utf-8''%E2; filename*1*=%82%AC\r\n",
  'Received: from a by b; (((',
  '\u0000',
  '"',
  '\\',
  '<',
  '>',
  ',',
  ';',
  '(((((((((((((((((((((((((',
  '=?=?=?=?=?=?=?=?=?=?=?=?',
  ' '.repeat(200),
  'x'.repeat(1200),
);

const SEED_MESSAGES = [
  'From: a@x.example\r\nTo: b@x.example\r\nSubject: Hi\r\nDate: Mon, 1 May 2023 10:00:00 +0000\r\nMessage-ID: <1@x.example>\r\n\r\nHello\r\n',
  'From: "A" <a@x.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n--b--\r\n',
  'From: a@x.example\r\nContent-Type: message/rfc822\r\n\r\nFrom: b@x.example\r\nSubject: =?utf-8?q?caf=C3=A9?=\r\n\r\ninner\r\n',
];

/** A message: a seed message or a built draft, with fragments spliced in at random places. */
const mutatedMessage: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(...SEED_MESSAGES),
      draftArbitrary.map(({ draft }) => new TextDecoder().decode(build(draft).raw)),
    ),
    fc.array(fc.tuple(fc.nat(), fc.oneof(hostileFragment, fc.string({ maxLength: 8 }))), {
      maxLength: 8,
    }),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 255 })), { maxLength: 4 }),
  )
  .map(([base, splices, flips]) => {
    let text = base;
    for (const [at, fragment] of splices) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + fragment + text.slice(i);
    }
    const bytes = encoder.encode(text);
    for (const [at, value] of flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
    return bytes;
  });

function build(draft: Draft) {
  return buildMessage(draft, { now });
}

/** `inspectMessage` never throws and every diagnostic points inside the message. */
export const inspectTarget: FuzzTarget<Uint8Array> = {
  name: 'inspect',
  arbitrary: mutatedMessage,
  toBytes: (input) => input,
  async check(raw) {
    const inspection = await inspectMessage(raw);
    for (const d of inspection.diagnostics) {
      if (d.from !== undefined && (d.from < 0 || d.from > raw.length))
        throw new Error(`Diagnostic ${d.code} starts outside the message (${d.from}).`);
      if (d.to !== undefined && d.from !== undefined && d.to < d.from)
        throw new Error(`Diagnostic ${d.code} ends before it starts.`);
    }
  },
};

/** `buildMessage` never throws on what a person typed, and writes CRLF, 7-bit, lines ≤ 998. */
export const buildTarget: FuzzTarget<Draft> = {
  name: 'build',
  arbitrary: fc
    .tuple(draftArbitrary, fc.array(hostileFragment, { maxLength: 4 }), fc.array(hostileFragment, { maxLength: 3 }))
    .map(([{ draft }, subject, envelope]) => ({
      ...draft,
      subject: `${draft.subject ?? ''}${subject.join('')}`,
      headers: [{ name: 'X-Fuzz', value: subject.join('') }],
      envelope: { mailFrom: envelope.join(''), rcptTo: [`${envelope.join('')}a@x.example`] },
    })), // prettier-ignore
  check(draft) {
    const message = build(draft);
    const raw = message.raw;
    let lineStart = 0;
    for (let i = 0; i < raw.length; i++) {
      const byte = raw[i]!;
      if (byte > 0x7e || (byte < 0x20 && byte !== 0x0d && byte !== 0x0a && byte !== 0x09))
        throw new Error(`Byte ${byte} at ${i} is not 7-bit text.`);
      if (byte === 0x0a && raw[i - 1] !== 0x0d) throw new Error(`Bare LF at ${i}.`);
      if (byte === 0x0d && raw[i + 1] !== 0x0a) throw new Error(`Bare CR at ${i}.`);
      if (byte === 0x0a) {
        if (i - 1 - lineStart > 998) throw new Error(`Line of ${i - 1 - lineStart} octets.`);
        lineStart = i + 1;
      }
    }
    for (const address of [message.envelope.mailFrom, ...message.envelope.rcptTo]) {
      // eslint-disable-next-line no-control-regex
      if (/[\x00-\x1f\x7f]/.test(address))
        throw new Error(`Envelope holds ${JSON.stringify(address)}.`);
    }
  },
};

/** `splitMbox` never throws, and what `formatMbox` writes splits back into the same messages. */
export const mboxTarget: FuzzTarget<Uint8Array> = {
  name: 'mbox',
  arbitrary: fc
    .array(fc.oneof(hostileFragment, fc.constantFrom('From a@b Thu Jan  1 00:00:00 1970\n', 'Content-Length: 3\n', 'X: y\n', '\n')), { maxLength: 40 })
    .map((pieces) => encoder.encode(pieces.join(''))), // prettier-ignore
  toBytes: (input) => input,
  check(bytes) {
    const messages = splitMbox(bytes);
    const again = splitMbox(formatMbox(messages), { respectContentLength: false });
    const plain = splitMbox(formatMbox(messages.map((m) => ({ raw: m.raw }))), {
      respectContentLength: false,
    });
    if (again.length !== messages.length || plain.length !== messages.length)
      throw new Error(`${messages.length} messages came back as ${again.length}.`);
  },
};

/** One simulator operation. */
type Operation =
  | { op: 'verify'; identity: string }
  | { op: 'send'; to: string; subject: string }
  | { op: 'raw'; raw: Uint8Array }
  | { op: 'advance'; ms: number }
  | { op: 'rule'; pattern: string; kind: 'hard-bounce' | 'complaint' }
  | { op: 'suppress'; address: string }
  | { op: 'receive'; raw: Uint8Array };

const recipient = fc.constantFrom(
  'success@simulator.amazonses.com',
  'bounce@simulator.amazonses.com',
  'complaint@simulator.amazonses.com',
  'ooto@simulator.amazonses.com',
  'a@example.com',
  'b@gone.example',
);

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ op: fc.constant('verify' as const), identity: fc.constantFrom('example.com', 'gone.example', 'a@example.com') }),
  fc.record({ op: fc.constant('send' as const), to: recipient, subject: fc.string({ maxLength: 20 }) }),
  fc.record({ op: fc.constant('raw' as const), raw: mutatedMessage }),
  fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 3 * 86_400_000 }) }),
  fc.record({ op: fc.constant('rule' as const), pattern: fc.string({ unit: fc.constantFrom('*', '?', 'a', '@', 'b', '.'), minLength: 1, maxLength: 24 }), kind: fc.constantFrom('hard-bounce' as const, 'complaint' as const) }),
  fc.record({ op: fc.constant('suppress' as const), address: recipient }),
  fc.record({ op: fc.constant('receive' as const), raw: mutatedMessage }),
); // prettier-ignore

function apply(ses: ReturnType<typeof createSesSimulator>, step: Operation): void {
  switch (step.op) {
    case 'verify':
      return void ses.verifyIdentity(step.identity);
    case 'send':
      return void ses.sendEmail({
        FromEmailAddress: 'sender@example.com',
        Destination: { ToAddresses: [step.to] },
        Content: { Simple: { Subject: { Data: step.subject }, Body: { Text: { Data: 'x' } } } },
      });
    case 'raw':
      return void ses.sendEmail({ Content: { Raw: { Data: step.raw } } });
    case 'advance':
      return ses.advance(step.ms);
    case 'rule':
      return ses.setOutcomeRules([
        { pattern: step.pattern, outcome: step.kind === 'complaint' ? { kind: 'complaint' } : { kind: 'hard-bounce', status: '5.1.1' } },
      ]); // prettier-ignore
    case 'suppress':
      return ses.putSuppressedDestination(step.address, 'BOUNCE');
    case 'receive':
      return void ses.receiveEmail({ raw: step.raw });
  }
}

/**
 * Simulator operation sequences: every failure is an SES error (a RangeError only where the
 * operation itself was misused), and the exported state, written as a file and read back,
 * continues exactly as the original does.
 */
export const simulatorTarget: FuzzTarget<Operation[]> = {
  name: 'simulator',
  arbitrary: fc.array(operation, { maxLength: 12 }),
  check(steps) {
    const ses = createSesSimulator({ now: () => now, seed: 3 });
    for (const step of steps) {
      try {
        apply(ses, step);
      } catch (error) {
        if (error instanceof SesError) continue;
        const misuse =
          error instanceof RangeError && (step.op === 'rule' || step.op === 'suppress');
        if (!misuse) throw error;
      }
    }
    const file = JSON.stringify(ses.exportState());
    const replay = createSesSimulator({ now: () => now, state: parseStateJson(file) });
    if (JSON.stringify(replay.exportState()) !== file)
      throw new Error('The state read back from its file differs from the state written.');
    ses.advance(86_400_000);
    replay.advance(86_400_000);
    if (JSON.stringify(replay.exportState()) !== JSON.stringify(ses.exportState()))
      throw new Error('The replayed state went on differently from the original.');
  },
};

/** Every target, in the order the fuzzer runs them. */
export const FUZZ_TARGETS = [inspectTarget, buildTarget, mboxTarget, simulatorTarget] as const;
