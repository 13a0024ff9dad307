/**
 * The SNS topic the workspace sends identities' feedback notifications to: SES publishes none for
 * an identity without one, so the page subscribes every identity it verifies (and the demo's).
 */
import type { SesSimulator, SesSimulatorState } from '../ses/index.ts';

/** The SNS topic the workspace sends identities' feedback notifications to. */
export function feedbackTopicArn(region: string, accountId: string): string {
  return `arn:aws:sns:${region}:${accountId}:ses-feedback`;
}

/** Send an identity's Bounce, Complaint and Delivery notifications to the account's topic. */
export function subscribeFeedback(sim: SesSimulator, identity: string): void {
  const { region, accountId } = sim.exportState();
  for (const type of ['Bounce', 'Complaint', 'Delivery'] as const) {
    sim.setIdentityNotificationTopic(identity, type, feedbackTopicArn(region, accountId));
  }
}

/**
 * Subscribe identities made with `CreateEmailIdentity` once they verify (true when one was), as the workspace does for
 * those it verifies at once: they verify as simulated time passes, not when the person acts. An
 * identity whose topics were ever set (even all removed since) is left as the person set it.
 */
export function subscribeVerifiedEmailIdentities(
  sim: SesSimulator,
  state: SesSimulatorState,
): boolean {
  const created = new Set(state.authentication.emailIdentities.map((record) => record.identity));
  let subscribed = false;
  for (const record of state.identities) {
    if (created.has(record.identity) && record.notificationTopics === undefined) {
      subscribeFeedback(sim, record.identity);
      subscribed = true;
    }
  }
  return subscribed;
}
