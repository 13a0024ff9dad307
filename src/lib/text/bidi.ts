/**
 * Names a message brings (attachment file names above all) are shown and saved without Unicode
 * bidirectional controls: with U+202E (right-to-left override) `invoice‮fdp.exe` displays as
 * "invoiceexe.pdf", a trick to make a program pass for a document.
 */

// ALM, LRM, RLM, the embeddings and overrides (U+202A–U+202E) and the isolates (U+2066–U+2069).
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `name` without bidirectional control characters, so it reads in the order it is stored. */
export function withoutBidiControls(name: string): string {
  return name.replace(BIDI_CONTROLS, '');
}
