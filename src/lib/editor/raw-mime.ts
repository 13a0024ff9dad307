/**
 * Highlighting for a raw MIME message (RFC 5322 + RFC 2045-2049) in a read-only view: header
 * names and values, RFC 2047 encoded words, multipart boundary lines, and bodies in base64 or
 * quoted-printable. A stream parser, so it works on any message, well-formed or not, and only
 * tokenizes what is on screen.
 */
import { HighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { EditorState, type Extension } from '@codemirror/state';
import type { StringStream } from '@codemirror/language';
import { Tag, tags } from '@lezer/highlight';
import { TOKEN_COLOURS } from './theme.ts';

/** The highlighting tags of raw MIME, so another theme can colour them. */
export const mimeTags = {
  headerName: Tag.define(tags.propertyName),
  headerValue: Tag.define(tags.string),
  encodedWord: Tag.define(tags.string),
  parameterName: Tag.define(tags.attributeName),
  boundary: Tag.define(tags.meta),
  base64: Tag.define(tags.literal),
  quotedPrintableEscape: Tag.define(tags.escape),
  softLineBreak: Tag.define(tags.escape),
  punctuation: Tag.define(tags.punctuation),
} as const;

type TokenName = keyof typeof mimeTags;

/** A boundary delimiter may be at most 70 characters (RFC 2046 §5.1.1); a little slack for bad mail. */
const MAX_BOUNDARY_LENGTH = 200;

interface MimeParseState {
  inHeaders: boolean;
  /** Boundaries of the enclosing multiparts, innermost last. */
  boundaries: string[];
  /** Lower-case name of the header being read (continuation lines belong to it). */
  header: string;
  /** Content-Transfer-Encoding of the part whose headers are being read. */
  partEncoding: string;
  /** Encoding of the body being read. */
  bodyEncoding: string;
  /** A boundary declared in the current headers, pushed when the headers end. */
  declaredBoundary: string;
  /** The header name was just read; its colon comes next. */
  expectColon: boolean;
}

const ENCODED_WORD = /^=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=/;
const BOUNDARY_PARAMETER = /boundary\s*=\s*(?:"([^"]+)"|([^\s;"]+))/i;

function readBoundaryLine(stream: StringStream, state: MimeParseState): boolean {
  if (!stream.match('--', false)) return false;
  const line = stream.string.replace(/[\r\n]+$/, '');
  for (let i = state.boundaries.length - 1; i >= 0; i--) {
    const boundary = state.boundaries[i];
    if (boundary === undefined) continue;
    const open = `--${boundary}`;
    if (!line.startsWith(open)) continue;
    const rest = line.slice(open.length);
    const closing = rest.startsWith('--');
    if (rest.trim() !== '' && !closing) continue;
    // A delimiter of an outer multipart also ends every inner one (RFC 2046 §5.1.2).
    state.boundaries.length = closing ? i : i + 1;
    state.inHeaders = !closing;
    state.partEncoding = '';
    state.bodyEncoding = '';
    state.header = '';
    state.declaredBoundary = '';
    stream.skipToEnd();
    return true;
  }
  return false;
}

function readHeaderLine(stream: StringStream, state: MimeParseState): TokenName | null {
  if (stream.sol() && !/^[ \t]/.test(stream.string)) {
    const name = stream.match(/^[!-9;-~]+(?=[ \t]*:)/);
    if (name && typeof name === 'object') {
      state.header = name[0].toLowerCase();
      state.expectColon = true;
      return 'headerName';
    }
    state.header = '';
  }
  if (state.expectColon) {
    state.expectColon = false;
    if (stream.match(/^[ \t]*:/)) return 'punctuation';
  }
  if (stream.match(ENCODED_WORD)) return 'encodedWord';
  if (stream.match(/^;?[ \t]*[A-Za-z0-9*_.-]+(?==)/)) return 'parameterName';
  if (stream.match(/^[^=;]+/) || stream.next() !== undefined) return 'headerValue';
  return null;
}

/** Note what the current header line says about the body that follows. */
function recordHeader(line: string, state: MimeParseState): void {
  if (state.header === 'content-type') {
    const boundary = BOUNDARY_PARAMETER.exec(line);
    const value = boundary?.[1] ?? boundary?.[2];
    if (value && value.length <= MAX_BOUNDARY_LENGTH) state.declaredBoundary = value;
  } else if (state.header === 'content-transfer-encoding') {
    const value = line.includes(':') ? line.slice(line.indexOf(':') + 1) : line;
    if (value.trim()) state.partEncoding = value.trim().toLowerCase();
  }
}

function readBodyLine(stream: StringStream, state: MimeParseState): TokenName | null {
  if (state.bodyEncoding === 'base64') {
    stream.skipToEnd();
    return 'base64';
  }
  if (state.bodyEncoding === 'quoted-printable') {
    if (stream.match(/^=[0-9A-Fa-f]{2}/)) return 'quotedPrintableEscape';
    if (stream.match(/^=\s*$/)) return 'softLineBreak';
    if (!stream.match(/^[^=]+/)) stream.next();
    return null;
  }
  stream.skipToEnd();
  return null;
}

const rawMimeParser = StreamLanguage.define<MimeParseState>({
  name: 'mime',
  startState: () => ({
    inHeaders: true,
    boundaries: [],
    header: '',
    partEncoding: '',
    bodyEncoding: '',
    declaredBoundary: '',
    expectColon: false,
  }),
  copyState: (state) => ({ ...state, boundaries: [...state.boundaries] }),
  token(stream, state) {
    if (stream.sol() && readBoundaryLine(stream, state)) return 'boundary';
    if (!state.inHeaders) return readBodyLine(stream, state);
    const atStart = stream.sol();
    const token = readHeaderLine(stream, state);
    // Read after the name so that `state.header` names this line's header (or the folded one).
    if (atStart) recordHeader(stream.string, state);
    return token;
  },
  blankLine(state) {
    if (!state.inHeaders) return;
    // The empty line ends the header section (RFC 5322 §2.1).
    state.inHeaders = false;
    state.bodyEncoding = state.partEncoding;
    if (state.declaredBoundary) state.boundaries.push(state.declaredBoundary);
    state.declaredBoundary = '';
  },
  tokenTable: mimeTags,
});

/** Colours for raw MIME, all passing AA contrast on white and on the active line. */
export const rawMimeHighlightStyle = HighlightStyle.define([
  { tag: mimeTags.headerName, color: TOKEN_COLOURS.blue, fontWeight: '600' },
  { tag: mimeTags.headerValue, color: TOKEN_COLOURS.text },
  { tag: mimeTags.encodedWord, color: TOKEN_COLOURS.purple },
  { tag: mimeTags.parameterName, color: TOKEN_COLOURS.brown },
  { tag: mimeTags.boundary, color: TOKEN_COLOURS.red, fontWeight: '600' },
  { tag: mimeTags.base64, color: TOKEN_COLOURS.muted },
  { tag: [mimeTags.quotedPrintableEscape, mimeTags.softLineBreak], color: TOKEN_COLOURS.green },
  { tag: mimeTags.punctuation, color: TOKEN_COLOURS.muted },
]);

/**
 * Raw MIME highlighting for a view of a message. Lines are split on CRLF only, so a document
 * position is a byte offset minus the CRLFs before it (see `byteOffsetToPosition`), and a stray
 * bare CR or LF stays visible as a special character.
 */
export function rawMime(): Extension {
  return [
    EditorState.lineSeparator.of('\r\n'),
    rawMimeParser,
    syntaxHighlighting(rawMimeHighlightStyle),
  ];
}

/** The stream language itself, for tests and for other views that bring their own colours. */
export const rawMimeLanguage = rawMimeParser;
