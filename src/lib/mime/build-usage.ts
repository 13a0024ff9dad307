/**
 * The shape `buildMessage` is called with, checked before anything is read: a field of the wrong
 * type is misuse, so it throws a RangeError with a plain sentence (the engine's contract), not
 * the TypeError that reading it would otherwise raise somewhere deep inside.
 */
import type { BuildOptions, Draft } from './types.ts';

const STRING_FIELDS = ['subject', 'text', 'html', 'date', 'messageId'] as const;
const LIST_FIELDS = ['to', 'cc', 'bcc', 'replyTo'] as const;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

function checkStringList(value: unknown, what: string): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new RangeError(`${what} must be a list of strings, not ${describe(value)}.`);
  }
}

/** Check the caller's arguments; returns the clock. Misuse is a RangeError, never a diagnostic. */
export function checkBuildUsage(draft: Draft, options: BuildOptions): Date {
  if (!draft || typeof draft !== 'object' || Array.isArray(draft))
    throw new RangeError('buildMessage needs a draft object.');
  if (!options || typeof options !== 'object')
    throw new RangeError('The options of buildMessage must be an object when given.');
  if (typeof draft.from !== 'string')
    throw new RangeError('A draft needs a from field (a string, possibly empty).');
  for (const name of LIST_FIELDS) checkStringList(draft[name], `The draft's ${name} field`);
  for (const name of STRING_FIELDS) {
    const value = draft[name];
    if (value !== undefined && typeof value !== 'string')
      throw new RangeError(`The draft's ${name} field must be a string, not ${describe(value)}.`);
  }
  if (draft.headers !== undefined) {
    const ok =
      Array.isArray(draft.headers) &&
      draft.headers.every(
        (h: unknown) =>
          !!h &&
          typeof (h as { name?: unknown }).name === 'string' &&
          typeof (h as { value?: unknown }).value === 'string',
      );
    if (!ok) throw new RangeError("The draft's headers must be a list of { name, value } strings.");
  }
  if (draft.envelope !== undefined) {
    if (!draft.envelope || typeof draft.envelope !== 'object')
      throw new RangeError("The draft's envelope must be an object with mailFrom and rcptTo.");
    const { mailFrom, rcptTo } = draft.envelope;
    if (mailFrom !== undefined && typeof mailFrom !== 'string')
      throw new RangeError(`The envelope's mailFrom must be a string, not ${describe(mailFrom)}.`);
    checkStringList(rcptTo, "The envelope's rcptTo");
  }
  if (draft.attachments !== undefined && !Array.isArray(draft.attachments))
    throw new RangeError(
      `The draft's attachments must be a list, not ${describe(draft.attachments)}.`,
    );
  for (const attachment of draft.attachments ?? []) {
    if (!attachment || typeof attachment.filename !== 'string')
      throw new RangeError('Every attachment needs a filename (a string).');
    if (!(attachment.content instanceof Uint8Array)) {
      throw new RangeError(
        `The content of attachment "${attachment.filename}" must be a Uint8Array.`,
      );
    }
    for (const name of ['contentType', 'contentId'] as const) {
      const value = attachment[name];
      if (value !== undefined && typeof value !== 'string')
        throw new RangeError(
          `The ${name} of attachment "${attachment.filename}" must be a string.`,
        );
    }
  }
  const now = options.now ?? new Date();
  if (!(now instanceof Date) || Number.isNaN(now.getTime()))
    throw new RangeError('options.now is not a valid Date.');
  if (options.boundary !== undefined && typeof options.boundary !== 'function')
    throw new RangeError('options.boundary must be a function of the nesting depth.');
  return now;
}
