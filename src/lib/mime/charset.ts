/**
 * Charset labels as mail uses them, mapped onto the WHATWG Encoding Standard that `TextDecoder`
 * implements in every runtime. Mail carries many labels WHATWG does not know (`cp932`, `x-gb2312`,
 * `ks_c_5601`, `latin-1`, language suffixes from RFC 2231 §5); they are resolved here.
 */
import { report, type DecodeIssue } from './decode-issue.ts';
import { decodeUtf7, isUtf7Label } from './utf7.ts';
import { decodeWindows1252, isWindows1252 } from './windows-1252.ts';

/**
 * What unknown charsets decode as. windows-1252 maps every byte to a character, so nothing is
 * lost and ASCII stays ASCII; it is also what WHATWG uses for `us-ascii` and `iso-8859-1`.
 */
export const FALLBACK_CHARSET = 'windows-1252';

/** Labels seen in mail that WHATWG does not list, mapped to the encoding they mean. */
const ALIASES: Readonly<Record<string, string>> = {
  'latin-1': 'iso-8859-1',
  'iso-8859-8-e': 'iso-8859-8',
  cp932: 'shift_jis',
  'x-cp932': 'shift_jis',
  'windows-932': 'shift_jis',
  'x-ms-cp932': 'shift_jis',
  ibm932: 'shift_jis',
  'x-shift-jis': 'shift_jis',
  windows31j: 'shift_jis',
  'ms-kanji': 'shift_jis',
  cp51932: 'euc-jp',
  eucjp: 'euc-jp',
  euc_jp: 'euc-jp',
  'x-eucjp': 'euc-jp',
  cp50220: 'iso-2022-jp',
  cp50221: 'iso-2022-jp',
  cp50222: 'iso-2022-jp',
  iso2022jp: 'iso-2022-jp',
  'x-iso2022jp': 'iso-2022-jp',
  'x-iso-2022-jp': 'iso-2022-jp',
  'iso-2022-jp-1': 'iso-2022-jp',
  'iso-2022-jp-2': 'iso-2022-jp',
  junet: 'iso-2022-jp',
  cp936: 'gbk',
  'windows-936': 'gbk',
  ms936: 'gbk',
  'x-gb2312': 'gbk',
  cp950: 'big5',
  'windows-950': 'big5',
  ms950: 'big5',
  'x-big5': 'big5',
  'x-windows-950': 'big5',
  cp949: 'euc-kr',
  uhc: 'euc-kr',
  ms949: 'euc-kr',
  'x-windows-949': 'euc-kr',
  ks_c_5601: 'euc-kr',
  euc_kr: 'euc-kr',
  'x-euc-kr': 'euc-kr',
  'ksc-5601': 'euc-kr',
  cp874: 'windows-874',
  ms874: 'windows-874',
  tis620: 'windows-874',
  // RFC 1428: 8-bit text of unknown charset; decoded with the fallback, without complaint.
  'unknown-8bit': FALLBACK_CHARSET,
  'x-unknown': FALLBACK_CHARSET,
};

/**
 * UTF-7 (RFC 2152), which the WHATWG Encoding Standard leaves out but old Exchange and Outlook
 * mail still names, in bodies, encoded words and parameters alike; it is decoded by hand.
 */
export const UTF7_CHARSET = 'utf-7';

const decoders = new Map<string, TextDecoder>();

function tryDecoder(label: string): TextDecoder | undefined {
  const cached = decoders.get(label);
  if (cached) return cached;
  try {
    const decoder = new TextDecoder(label);
    decoders.set(label, decoder);
    return decoder;
  } catch {
    return undefined;
  }
}

/** A charset label resolved to the encoding `TextDecoder` will use. */
export interface ResolvedCharset {
  /** The WHATWG encoding name, e.g. `shift_jis`, or the fallback. */
  encoding: string;
  /** False when the label was not recognised and the fallback is used. */
  known: boolean;
}

/**
 * Resolve a charset label from a header (`UTF-8`, `cp932`, `utf-8*en`, `"iso_8859-1"`) to the
 * encoding a `TextDecoder` uses. Unknown labels resolve to {@link FALLBACK_CHARSET}.
 */
export function resolveCharset(label: string): ResolvedCharset {
  // RFC 2231 §5 lets a language follow the charset in encoded words: `utf-8*en`.
  const clean = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .split('*')[0]!
    .trim()
    .toLowerCase();
  if (isUtf7Label(clean)) return { encoding: UTF7_CHARSET, known: true };
  const candidates = [
    ALIASES[clean],
    clean,
    clean.replace(/_/g, '-'),
    clean.replace(/^x-/, ''),
    clean.replace(/^cp-?(125\d)$/, 'windows-$1'),
    clean.replace(/^iso[-_ ]?8859[-_ ]?(\d+)(?::\d+)?$/, 'iso-8859-$1'),
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const decoder = tryDecoder(candidate);
    if (decoder) return { encoding: decoder.encoding, known: true };
  }
  return { encoding: FALLBACK_CHARSET, known: false };
}

/**
 * Decode bytes in the given charset. Malformed sequences become U+FFFD; an unknown charset decodes
 * as windows-1252 and is reported as `unknown-charset`. UTF-7 is decoded by hand. Windows-1252
 * (which WHATWG also uses for `us-ascii` and `iso-8859-1`) is decoded by table, so Node and the
 * page read it alike. A leading byte order mark is dropped, as in bodies, unless
 * `keepByteOrderMark` says it is text.
 */
export function decodeCharset(
  bytes: Uint8Array,
  label: string,
  issues?: DecodeIssue[],
  keepByteOrderMark = false,
): string {
  const resolved = resolveCharset(label);
  if (!resolved.known) {
    report(
      issues,
      'unknown-charset',
      `The charset "${label}" is not known; the text was decoded as ${FALLBACK_CHARSET}.`,
    );
  }
  if (resolved.encoding === UTF7_CHARSET) return decodeUtf7(bytes);
  if (isWindows1252(resolved.encoding)) return decodeWindows1252(bytes);
  if (keepByteOrderMark) return textDecoderKeepingBom(resolved.encoding).decode(bytes);
  return tryDecoder(resolved.encoding)!.decode(bytes);
}

const bomKeepingDecoders = new Map<string, TextDecoder>();

/**
 * A decoder that leaves a leading U+FEFF in the text. In header text (encoded words, RFC 2231
 * values) a byte order mark is a character the writer put there, not a marker of the encoding.
 */
function textDecoderKeepingBom(encoding: string): TextDecoder {
  let decoder = bomKeepingDecoders.get(encoding);
  if (!decoder) {
    decoder = new TextDecoder(encoding, { ignoreBOM: true });
    bomKeepingDecoders.set(encoding, decoder);
  }
  return decoder;
}
