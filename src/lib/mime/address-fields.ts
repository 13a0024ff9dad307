/**
 * The address fields of a draft (From, To, Cc, Bcc, Reply-To): read leniently, checked against
 * what SES accepts, and written back as 7-bit header values.
 */
import {
  flattenAddresses,
  formatDisplayName,
  formatMailbox,
  parseAddressList,
  type AddressEntry,
  type Mailbox,
} from './address.ts';
import { addressDiagnostics } from './build-diagnostics.ts';
import type { Diagnostic } from './types.ts';

/** A field's entries (groups kept) and its mailboxes (groups flattened), unusable ones left out. */
export interface AddressField {
  entries: AddressEntry[];
  mailboxes: Mailbox[];
}

/**
 * Parse each entry of an address field as a person typed it (an encoded word in quotes is taken
 * literally). Mailboxes SES cannot take are reported, tagged with the field, and left out.
 */
export function readAddressField(
  field: string,
  values: readonly string[] | undefined,
  diagnostics: Diagnostic[],
  fieldOf: Map<Diagnostic, string>,
): AddressField {
  const entries: AddressEntry[] = (values ?? []).flatMap((value) =>
    parseAddressList(value, { decodeQuoted: false }),
  );
  const mailboxes = flattenAddresses(entries);
  // Each mailbox is checked once; the ones with a problem are reported and left out.
  const unusable = new Set<Mailbox>();
  for (const mailbox of mailboxes) {
    const found = addressDiagnostics(field, [mailbox]);
    if (found.length === 0) continue;
    unusable.add(mailbox);
    for (const diagnostic of found) {
      diagnostics.push(diagnostic);
      fieldOf.set(diagnostic, field);
    }
  }
  if (unusable.size === 0) return { entries, mailboxes };
  const usable = (mailbox: Mailbox) => !unusable.has(mailbox);
  const kept = entries.flatMap((entry): AddressEntry[] => {
    if ('group' in entry) return [{ name: entry.name, group: entry.group.filter(usable) }];
    return usable(entry) ? [entry] : [];
  });
  return { entries: kept, mailboxes: flattenAddresses(kept) };
}

/** Format entries as a header value: mailboxes and groups, comma-separated. */
export function formatAddressField(entries: readonly AddressEntry[]): string {
  return entries
    .map((entry) =>
      'group' in entry
        ? `${formatDisplayName(entry.name)}: ${entry.group.map(formatMailbox).join(', ')};`
        : formatMailbox(entry),
    )
    .join(', ');
}
