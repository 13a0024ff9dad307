/**
 * Checking what a person types into an address field (From, To, Cc, Bcc, Reply-To, the envelope
 * sender) with the engine's lenient parser, worded for an inline error message.
 */
import { addressProblem, flattenAddresses, parseAddressList } from '../mime/address.ts';

/** Problems of an address list, one sentence each; empty when every address can be sent. */
export function addressListProblems(text: string, options: { single?: boolean } = {}): string[] {
  if (!text.trim()) return [];
  const mailboxes = flattenAddresses(parseAddressList(text));
  const problems: string[] = [];
  if (options.single && mailboxes.length > 1) problems.push('Give one address only.');
  for (const mailbox of mailboxes) {
    const problem = addressProblem(mailbox.address);
    if (problem) {
      const shown = mailbox.address || mailbox.name || text.trim();
      problems.push(`“${shown}”: ${problem}.`);
    }
  }
  return problems;
}
