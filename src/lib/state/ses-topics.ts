/**
 * The SNS topic the workspace sends identities' feedback notifications to: SES publishes none for
 * an identity without one, so the page subscribes every identity it verifies (and the demo's).
 */
import type { SesSimulator } from '../ses/index.ts';

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
