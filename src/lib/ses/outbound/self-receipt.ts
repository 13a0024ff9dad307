/**
 * Mail the simulator delivers to a verified domain of the account is received by SES too, when
 * a receipt rule set is active and one of its rules takes the recipient: sending to yourself
 * exercises the receiving side.
 */
import { decodeBase64 } from '../../mime/base64.ts';
import { findCoveringIdentity } from '../identities/identities.ts';
import { receiveMessage } from '../inbound/inbound.ts';
import type { SentMessage, SesSimulatorState } from '../api/state.ts';

/** Whether an address is at a domain the account has verified. */
export function isAtVerifiedDomain(state: SesSimulatorState, address: string): boolean {
  return findCoveringIdentity(state.identities, address)?.type === 'DOMAIN';
}

/** Receive a delivered message for those of its recipients that SES itself receives mail for. */
export function receiveDelivered(
  state: SesSimulatorState,
  message: SentMessage,
  at: number,
  recipients: readonly string[],
): void {
  if (state.receiving.activeRuleSetName === undefined) return;
  const local = recipients.filter((r) => isAtVerifiedDomain(state, r));
  if (local.length === 0) return;
  const raw = decodeBase64(message.deliveredRaw);
  const record = receiveMessage(
    {
      receiving: state.receiving,
      region: state.region,
      random: state.random,
      nowMs: at,
      isVerifiedDomain: (address) => isAtVerifiedDomain(state, address),
    },
    {
      raw,
      mailFrom: `${message.mail.messageId}@amazonses.com`,
      rcptTo: local,
      ...(message.mail.commonHeaders.subject !== undefined
        ? { subject: message.mail.commonHeaders.subject }
        : {}),
      spf: 'PASS',
      dkim: 'PASS',
      dmarc: 'PASS',
    },
  );
  // Mail no rule takes is refused during SMTP and not kept.
  if (record.disposition === 'rejected') state.receiving.inbound.pop();
}
