/**
 * The headers SES allows at most once in a message (ses-facts §2.3, current list, kept by the
 * builder as `SES_UNIQUE_HEADERS`); a second occurrence is refused with
 * `Duplicate header '<name>'.`.
 */
import { SES_UNIQUE_HEADERS } from '../../mime/header-fields.ts';
import type { HeaderField } from '../../mime/types.ts';

/**
 * The name, as written, of the first header that repeats one allowed only once, or undefined.
 * Names compare case-insensitively.
 */
export function findDuplicateHeader(headers: readonly HeaderField[]): string | undefined {
  const seen = new Set<string>();
  for (const header of headers) {
    const key = header.name.toLowerCase();
    if (!SES_UNIQUE_HEADERS.has(key)) continue;
    if (seen.has(key)) return header.name;
    seen.add(key);
  }
  return undefined;
}
