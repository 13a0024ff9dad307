/**
 * The mailbox simulator: addresses at simulator.amazonses.com that produce a known outcome
 * (ses-facts §4). They work in the sandbox without verification, count against the rate limit but
 * not the 24-hour quota, and never affect reputation or the suppression list. `+label` variants
 * behave like the base address.
 */
import { domainOf, localPartOf, withoutLabel } from '../identities/address.ts';

/** The mailbox simulator's domain. */
export const SIMULATOR_DOMAIN = 'simulator.amazonses.com';

/** The scenarios the simulator addresses stand for. */
export type SimulatorScenario = 'success' | 'bounce' | 'ooto' | 'complaint' | 'suppressionlist';

/** `smtpResponse` of a simulated delivery (observed). */
export const SIMULATOR_SMTP_RESPONSE = '250 2.6.0 Message received';
/** `userAgent` of a simulated complaint (observed). */
export const SIMULATOR_COMPLAINT_USER_AGENT = 'Amazon SES Mailbox Simulator';
/** `reportingMTA` of the simulator's hard bounce (observed form `dns; a8-90.smtp-out.amazonses.com`). */
export const SIMULATOR_BOUNCE_REPORTING_MTA = 'dns; a8-90.smtp-out.amazonses.com';
/** The diagnostic of the simulator's hard bounce as SES wrote it in late 2025. */
export function simulatorBounceDiagnostic(address: string): string {
  return `smtp; 550 5.1.1 As requested: user unknown <${address}>`;
}

/** `reportingMTA` of a bounce SES makes itself for a suppressed address (observed). */
export const SUPPRESSION_REPORTING_MTA = 'dns; amazonses.com';
/** The global suppression list's bounce diagnostic, trailing space included (observed). */
export const GLOBAL_SUPPRESSION_DIAGNOSTIC =
  'Amazon SES has suppressed sending to this address because it has a recent history of ' +
  'bouncing as an invalid address. For more information about how to remove an address from ' +
  'the suppression list, see the Amazon SES Developer Guide: ' +
  'http://docs.aws.amazon.com/ses/latest/DeveloperGuide/remove-from-suppressionlist.html ';
/** The account-level suppression list's bounce diagnostic (observed). */
export const ACCOUNT_SUPPRESSION_DIAGNOSTIC =
  'Amazon SES did not send the message to this address because it is on the suppression list ' +
  'for your account. For more information about removing addresses from the suppression list, ' +
  'see the Amazon SES Developer Guide at ' +
  'https://docs.aws.amazon.com/ses/latest/DeveloperGuide/sending-email-suppression-list.html';

const SCENARIOS: readonly SimulatorScenario[] = [
  'success',
  'bounce',
  'ooto',
  'complaint',
  'suppressionlist',
];

/** The mailbox simulator's addresses, one per scenario. */
export const SIMULATOR_ADDRESSES: Readonly<Record<SimulatorScenario, string>> = {
  success: `success@${SIMULATOR_DOMAIN}`,
  bounce: `bounce@${SIMULATOR_DOMAIN}`,
  ooto: `ooto@${SIMULATOR_DOMAIN}`,
  complaint: `complaint@${SIMULATOR_DOMAIN}`,
  suppressionlist: `suppressionlist@${SIMULATOR_DOMAIN}`,
};

/** Whether an address is at the mailbox simulator (any local part). */
export function isSimulatorAddress(address: string): boolean {
  return domainOf(address) === SIMULATOR_DOMAIN;
}

/**
 * The scenario of a simulator address, `+label` ignored and case-insensitive. Undefined for
 * addresses outside the simulator. SES documents nothing for other local parts; treating them as
 * `suppressionlist` is the simulator's rule, after one such address was seen to bounce as
 * suppressed in 2014 (ses-facts §4, unconfirmed).
 */
export function simulatorScenario(address: string): SimulatorScenario | undefined {
  if (!isSimulatorAddress(address)) return undefined;
  const local = localPartOf(withoutLabel(address)).toLowerCase();
  return SCENARIOS.find((scenario) => scenario === local) ?? 'suppressionlist';
}
