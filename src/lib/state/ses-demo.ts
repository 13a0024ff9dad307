/**
 * The demo account a fresh simulator starts as, so that a new person's first Send of the sample
 * draft is accepted and the SES workspace has something to show: the sample's sending domain and
 * its sandbox recipient verified, its configuration set (with an event destination) present, and
 * an hour-old morning of mail to the mailbox simulator, one message per scenario.
 *
 * The engine's own default stays an empty account (SPEC); the page seeds this one.
 */
import { feedbackTopicArn } from './ses-feedback-topic.ts';
import { flattenAddresses, parseAddressList } from '../mime/index.ts';
import {
  CONFIGURATION_SET_HEADER,
  createConfigurationSet,
  createSesSimulator,
  SIMULATOR_ADDRESSES,
  type SesSimulatorState,
  type SimulatorScenario,
} from '../ses/index.ts';
import { sampleFields } from './sample-draft.ts';

/** What the demo account is made of, read from the sample draft so the two never drift apart. */
export interface DemoAccountPlan {
  /** The sample's From, as written. */
  from: string;
  /** The domain of the sample's From: verified as a domain identity. */
  domain: string;
  /** The sample's To addresses: verified, since a sandbox account may only send to those. */
  recipients: string[];
  /** The sample's configuration set. */
  configurationSet: string;
}

/** How long before "now" the demo's earlier mail went out. */
export const DEMO_HISTORY_MS = 60 * 60 * 1000;

/** The scenarios the demo's earlier messages went to, one message each, a minute apart. */
const HISTORY: readonly SimulatorScenario[] = ['success', 'bounce', 'ooto', 'complaint'];

/** The demo account's plan, from the sample draft. */
export function demoAccountPlan(): DemoAccountPlan {
  const fields = sampleFields();
  const addresses = (text: string) =>
    flattenAddresses(parseAddressList(text))
      .map((mailbox) => mailbox.address)
      .filter(Boolean);
  const [from] = addresses(fields.from);
  const configurationSet = fields.headers.find(
    (row) => row.name.toLowerCase() === CONFIGURATION_SET_HEADER.toLowerCase(),
  )?.value;
  if (!from || !configurationSet) {
    throw new RangeError('The sample draft needs a From address and a configuration set.');
  }
  return {
    from: fields.from,
    domain: from.slice(from.lastIndexOf('@') + 1).toLowerCase(),
    recipients: addresses(fields.to),
    configurationSet,
  };
}

/**
 * The demo account's state at `nowMs`: made by a simulator whose clock starts an hour earlier,
 * so that its earlier mail has been delivered, bounced and complained about by now and the
 * sandbox's one-per-second rate is whole again for the person's first Send.
 */
export function demoState(nowMs: number): SesSimulatorState {
  const plan = demoAccountPlan();
  let clock = nowMs - DEMO_HISTORY_MS;
  const sim = createSesSimulator({ now: () => new Date(clock) });
  sim.verifyIdentity(plan.domain);
  // The demo domain's notifications go to a topic, so they can be read in the workspace.
  const { region, accountId } = sim.exportState();
  for (const type of ['Bounce', 'Complaint', 'Delivery'] as const) {
    sim.setIdentityNotificationTopic(plan.domain, type, feedbackTopicArn(region, accountId));
  }
  for (const recipient of plan.recipients) sim.verifyIdentity(recipient);
  sim.putConfigurationSet({
    ...createConfigurationSet(plan.configurationSet),
    eventDestinations: [
      {
        name: 'order-mail-events',
        enabled: true,
        matchingEventTypes: ['SEND', 'BOUNCE', 'COMPLAINT', 'DELIVERY', 'DELIVERY_DELAY'],
        kind: 'SNS',
        target: 'arn:aws:sns:us-east-1:123456789012:order-mail-events',
      },
    ],
  });
  for (const [index, scenario] of HISTORY.entries()) {
    sim.sendEmail({
      FromEmailAddress: plan.from,
      Destination: { ToAddresses: [SIMULATOR_ADDRESSES[scenario]] },
      Content: {
        Simple: {
          Subject: { Data: `Your order #${1038 + index} has shipped`, Charset: 'UTF-8' },
          Body: {
            Text: {
              Data: `Good news: order #${1038 + index} is on its way.`,
              Charset: 'UTF-8',
            },
          },
        },
      },
      ConfigurationSetName: plan.configurationSet,
    });
    clock += 60_000;
  }
  clock = nowMs;
  // Taking the state first lets everything due by now happen.
  return sim.exportState();
}
