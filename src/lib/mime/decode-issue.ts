/**
 * How the lenient decoders report what they had to forgive. Decoders never throw on malformed
 * input: they decode what they can and push an issue into an optional sink the caller passes in.
 */

/** Something malformed that a decoder worked around. */
export interface DecodeIssue {
  /** Stable, machine-readable identifier, e.g. `base64-padding` or `unknown-charset`. */
  code: string;
  /** One plain sentence a person can act on. */
  message: string;
  /** Offset in the decoder's input where the problem starts, when it has one. */
  index?: number;
}

/** Push an issue into a sink if the caller gave one. */
export function report(
  sink: DecodeIssue[] | undefined,
  code: string,
  message: string,
  index?: number,
): void {
  if (!sink) return;
  sink.push(index === undefined ? { code, message } : { code, message, index });
}
