/**
 * The MIME fields of one part (RFC 2045 §5, §6; RFC 2183; RFC 2392) read from its headers: the
 * content type with its parameters, the transfer encoding, the disposition and the Content-ID.
 * Parameters are read by `parseHeaderValue`, which also undoes RFC 2231 and RFC 2047 encodings.
 */
import type { DecodeIssue } from './decode-issue.ts';
import type { RawHeaderField } from './header-block.ts';
import { parseHeaderValue } from './params.ts';
import { firstHeader } from './header-lookup.ts';

/** The MIME fields of a part. */
export interface ContentFields {
  /** Lower-case `type/subtype`; the default for the context when absent or unreadable. */
  contentType: string;
  /** Whether the part names a readable content type itself. */
  explicitType: boolean;
  /** Content-Type parameters by lower-case name, unquoted and decoded (RFC 2231, RFC 2047). */
  params: Record<string, string>;
  /** Lower-case Content-Transfer-Encoding, when present. */
  transferEncoding?: string;
  /** Lower-case disposition type (`inline`, `attachment`, …), when present. */
  disposition?: string;
  /** Content-Disposition parameters, as `params`. */
  dispositionParams: Record<string, string>;
  /**
   * The file name the part gives: the disposition's `filename` (RFC 2183 §2.3), else the older
   * Content-Type `name`. RFC 2231 forms (`filename*`) are already joined under the plain name.
   */
  filename?: string;
  /** Content-ID without its angle brackets (as `cid:` URLs name it, RFC 2392), when present. */
  contentId?: string;
}

const TYPE_PATTERN = /^([!#$%&'*+\-.^_`|~0-9a-z]+)\/([!#$%&'*+\-.^_`|~0-9a-z]+)$/i;

/**
 * Read a part's MIME fields; `defaultType` applies when it names no readable type. What the
 * parameter decoder had to forgive goes to `issues`.
 */
export function readContentFields(
  headers: readonly RawHeaderField[],
  defaultType: string,
  issues?: DecodeIssue[],
): ContentFields {
  const fields: ContentFields = {
    contentType: defaultType,
    explicitType: false,
    params: {},
    dispositionParams: {},
  };
  const contentType = firstHeader(headers, 'content-type');
  if (contentType !== undefined) {
    const { value: token, params } = parseHeaderValue(contentType, issues);
    fields.params = params;
    // RFC 2045 §5.2: an unreadable Content-Type means text/plain; charset=us-ascii.
    if (TYPE_PATTERN.test(token)) {
      fields.contentType = token.toLowerCase();
      fields.explicitType = true;
    } else {
      fields.contentType = 'text/plain';
    }
  }
  const encoding = firstHeader(headers, 'content-transfer-encoding');
  if (encoding !== undefined) {
    const token = parseHeaderValue(encoding).value.toLowerCase();
    if (token) fields.transferEncoding = token;
  }
  const disposition = firstHeader(headers, 'content-disposition');
  if (disposition !== undefined) {
    const { value: token, params } = parseHeaderValue(disposition, issues);
    if (token) fields.disposition = token.toLowerCase();
    fields.dispositionParams = params;
  }
  const filename = fields.dispositionParams.filename ?? fields.params.name;
  if (filename !== undefined) fields.filename = filename;
  const contentId = firstHeader(headers, 'content-id');
  const id = contentId
    ?.trim()
    .replace(/^<(.*)>$/, '$1')
    .trim();
  if (id) fields.contentId = id;
  return fields;
}
