/**
 * The SES workspace's state: one simulator for the whole page, its state kept in IndexedDB after
 * every change and restored on load. The wall clock drives the simulator's `now`; time the person
 * lets pass (`advance`) is added on top and saved with the rest, so scheduled deliveries, retries
 * and complaints happen on their own as real time passes, or at once when simulated time jumps.
 */
import {
  createSesSimulator,
  type AccountDetails,
  type ConfigurationSet,
  type ContactListMethods,
  type ContactListRecord,
  type DnsRecord,
  type EmailTemplate,
  type EnforcementStatus,
  type EventRecord,
  type GetEmailIdentityResponse,
  type IdentityRecord,
  type InboundRecord,
  type NotificationRecord,
  type OutcomeRule,
  type ReceiptRuleSet,
  type ReceiveRequest,
  type Reputation,
  type ReputationPoint,
  type SendEmailRequest,
  type SendEmailResponse,
  type SentMessageView,
  type SesSimulator,
  type SesSimulatorState,
  type ListSuppressedDestinationsRequest,
  type ListSuppressedDestinationsResponse,
  type SuppressedDestinationSummary,
  type SuppressionReason,
  type TestRenderEmailTemplateRequest,
  type TimelineEntry,
  parseStateJson,
} from '../ses/index.ts';
import { getContext, setContext } from 'svelte';
import { demoState } from './ses-demo.ts';
import { subscribeFeedback, subscribeVerifiedEmailIdentities } from './ses-topics.ts';
import { describeError } from './ses-error-notes.ts';
import { SesPersistence, type SesPersistenceOptions } from './ses-persistence.ts';

export { SES_DATABASE } from './ses-persistence.ts';
export { describeError } from './ses-error-notes.ts';

/**
 * The longest the page waits before looking at the simulator again even when nothing is
 * scheduled, so that the clock and the trailing 24-hour usage shown stay current.
 */
const IDLE_REFRESH_MS = 30_000;
/** The shortest wait, so that a task due "now" never spins the page. */
const MIN_REFRESH_MS = 20;

/** Everything the workspace shows, read from the simulator at one moment. */
export interface SesView {
  /** Simulated now, epoch ms. */
  nowMs: number;
  /** How far simulated time is ahead of the wall clock, ms. */
  clockOffsetMs: number;
  region: string;
  identities: IdentityRecord[];
  account: AccountDetails;
  /** The whole account-level list, every page of `ListSuppressedDestinations`. */
  suppressionList: SuppressedDestinationSummary[];
  outcomeRules: OutcomeRule[];
  configurationSets: ConfigurationSet[];
  /** Newest first. */
  messages: SentMessageView[];
  notifications: NotificationRecord[];
  events: EventRecord[];
  reputation: Reputation & { enforcementStatus: EnforcementStatus };
  reputationHistory: ReputationPoint[];
  receiptRuleSets: ReceiptRuleSet[];
  activeReceiptRuleSet: string | undefined;
  /** Newest first. */
  inbound: InboundRecord[];
  /** When the next scheduled delivery step is due (simulated epoch ms). */
  nextScheduledAt: number | undefined;
  /** Identities made with CreateEmailIdentity, with their lifecycle and the records SES asks for. */
  emailIdentities: EmailIdentityView[];
  /** The person's simulated DNS zone. */
  dnsRecords: DnsRecord[];
  /** Contact lists with their topics and contacts (SES allows one). */
  contactLists: ContactListRecord[];
  /** The bounce and complaint emails SES forwarded, newest first (their bytes on request). */
  feedbackEmails: FeedbackEmailView[];
  /** The stored email templates. */
  templates: EmailTemplate[];
}

/** A forwarded feedback email as listed; `index` is its place in the simulator's list. */
export interface FeedbackEmailView {
  index: number;
  at: number;
  to: string;
  kind: 'bounce' | 'complaint';
  /** The MessageId of the message the feedback is about. */
  messageId: string;
}

/** One identity's lifecycle as the workspace shows it. */
export interface EmailIdentityView {
  name: string;
  details: GetEmailIdentityResponse;
  required: Array<DnsRecord & { purpose: string }>;
}

/** What a new simulator starts as: an empty sandbox account, or the demo account. */
export type SesStartingPoint = 'empty' | 'demo';

/** How the store is made; tests pass a fake IndexedDB and a clock. */
export interface SesStoreOptions extends SesPersistenceOptions {
  now?: () => Date;
  /** What the simulator starts as when nothing was saved before (default: empty). */
  fresh?: SesStartingPoint;
  /** Whether to look at the simulator again by itself when something is due (default true). */
  autoRefresh?: boolean;
}

/** Every summary on the account-level suppression list, page after page. */
function wholeSuppressionList(sim: SesSimulator): SuppressedDestinationSummary[] {
  const all: SuppressedDestinationSummary[] = [];
  let token: string | undefined;
  do {
    const page = sim.listSuppressedDestinations({ NextToken: token });
    all.push(...page.SuppressedDestinationSummaries);
    token = page.NextToken;
  } while (token !== undefined);
  return all;
}

/** The simulator, its saved state and the view the workspace reads. Call `load()` first. */
export class SesStore {
  /** The latest view; null until loaded. */
  view = $state.raw<SesView | null>(null);
  /** Why the saved state could not be read or written, if it could not. */
  storageError = $state<string | null>(null);
  /** What happened when the saved record could not be read (stays until the page closes). */
  damagedNote = $state<string | null>(null);
  /** Whether a change is still on its way to IndexedDB. */
  saving = $state(false);
  /** A saved record that could not be read, as JSON, for export; null when there is none. */
  damagedJson = $state<string | null>(null);

  #simulator: SesSimulator;
  #clock: () => Date;
  #options: SesStoreOptions;
  #persistence: SesPersistence;
  #loading: Promise<void> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #disposed = false;
  #writes = 0;

  constructor(options: SesStoreOptions = {}) {
    this.#options = options;
    // The clock is read, never observed: the view is what the page watches.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.#clock = options.now ?? (() => new Date());
    this.#simulator = createSesSimulator({ now: this.#clock });
    this.#persistence = new SesPersistence(options);
    this.#persistence.onOtherPageSaved = () => void this.#followOtherPage();
    this.#persistence.onWriteResult = (error) => {
      this.storageError =
        error === null ? null : `The SES state could not be saved: ${describeError(error)}`;
    };
  }

  /** Open the database and continue from the saved state, if there is one. */
  load(): Promise<void> {
    this.#loading ??= this.#load();
    return this.#loading;
  }

  async #load(): Promise<void> {
    let saved: SesSimulatorState | undefined;
    try {
      saved = await this.#persistence.open();
    } catch (error) {
      this.storageError = `The saved SES state could not be read: ${describeError(error)}`;
    }
    if (saved !== undefined) {
      try {
        this.#simulator.importState(saved);
        await this.#persistence.keepLastGood(saved);
      } catch (error) {
        await this.#openLastGood(saved, error);
      }
    } else if (this.#options.fresh === 'demo' && this.storageError === null) {
      // A browser that never saved a state starts as the demo account.
      this.#simulator.importState(demoState(this.#clock().getTime()));
    }
    this.#refresh();
  }

  /**
   * The saved record is damaged (edited, or written by a build that got it wrong): keep it aside
   * for export, open with the last state that was read back sound, and say so.
   */
  async #openLastGood(damaged: unknown, problem: unknown): Promise<void> {
    try {
      this.damagedJson = JSON.stringify(damaged, null, 2);
    } catch {
      this.damagedJson = String(damaged);
    }
    let opened = 'a new, empty account';
    try {
      await this.#persistence.setAside(damaged);
      const lastGood = await this.#persistence.readLastGood();
      if (lastGood !== undefined) {
        this.#simulator.importState(lastGood);
        opened = 'the last good state';
      }
    } catch {
      // No sound state to fall back on: the new, empty account stays.
    }
    this.damagedNote =
      `The saved SES state is damaged (${describeError(problem)}), so the page opened with ` +
      `${opened}. The damaged record is kept; export it to look at it.`;
  }

  /** Another page saved: continue from what it saved (unless this page has saving to do). */
  async #followOtherPage(): Promise<void> {
    if (this.#persistence.busy || this.#disposed) return;
    try {
      const saved = await this.#persistence.read();
      if (saved === undefined || this.#persistence.busy) return;
      this.#simulator.importState(saved);
      this.#refresh(false);
    } catch (error) {
      this.storageError = `The SES state another tab saved could not be read: ${describeError(error)}`;
    }
  }

  /** Stop looking at the simulator by itself and close the database once saving is done. */
  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#timer);
    this.#persistence.close();
  }

  /** Wait until every change so far is in IndexedDB. */
  flush(): Promise<void> {
    return this.#persistence.flush();
  }

  /** Read the simulator again (due deliveries happen first) and save when anything changed. */
  refresh(): void {
    this.#refresh();
  }

  /**
   * Read the simulator into the view. Saving is skipped only when the clock alone moved and no
   * scheduled step came due, since then the state cannot have changed.
   */
  #refresh(save = true): void {
    const sim = this.#simulator;
    let state = sim.exportState();
    if (subscribeVerifiedEmailIdentities(sim, state)) state = sim.exportState();
    const next = sim.nextScheduledAt()?.getTime();
    this.view = {
      nowMs: sim.now().getTime(),
      clockOffsetMs: state.clockOffsetMs,
      region: state.region,
      identities: sim.listIdentities(),
      account: sim.getAccount(),
      suppressionList: wholeSuppressionList(sim),
      outcomeRules: sim.outcomeRules(),
      configurationSets: sim.configurationSets(),
      messages: sim.messages().reverse(),
      notifications: state.notifications,
      events: state.events,
      reputation: sim.reputation(),
      reputationHistory: sim.reputationHistory(),
      receiptRuleSets: state.receiving.ruleSets,
      activeReceiptRuleSet: state.receiving.activeRuleSetName,
      inbound: [...state.receiving.inbound].reverse(),
      nextScheduledAt: next,
      emailIdentities: state.authentication.emailIdentities.map((record) => ({
        name: record.identity,
        details: sim.getEmailIdentity(record.identity),
        required: sim.requiredDnsRecords(record.identity),
      })),
      dnsRecords: sim.dnsRecords(),
      contactLists: state.contactLists,
      feedbackEmails: state.feedbackEmails
        .map(({ at, to, kind, messageId }, index) => ({ index, at, to, kind, messageId }))
        .reverse(),
      templates: state.templates,
    };
    if (save) this.#save(state);
    this.#schedule(next);
  }

  /** Write the state, and say "saving" until this write (and none after it) is done. */
  #save(state: ReturnType<SesSimulator['exportState']>): void {
    const write = ++this.#writes;
    this.saving = true;
    this.#persistence.write(state);
    void this.#persistence.flush().then(() => {
      if (write === this.#writes) this.saving = false;
    });
  }

  #schedule(next: number | undefined): void {
    clearTimeout(this.#timer);
    if (this.#disposed || this.#options.autoRefresh === false) return;
    const now = this.#simulator.now().getTime();
    const wait = next === undefined ? IDLE_REFRESH_MS : next - now;
    this.#timer = setTimeout(
      () => this.#refresh(next !== undefined && next <= this.#simulator.now().getTime()),
      Math.min(IDLE_REFRESH_MS, Math.max(MIN_REFRESH_MS, wait)),
    );
  }

  /** Run a change, then show and save the result. Errors (SesError, RangeError) go to the caller. */
  #change<T>(work: (simulator: SesSimulator) => T): T {
    try {
      return work(this.#simulator);
    } finally {
      this.#refresh();
    }
  }

  /**
   * Verify an identity and send its Bounce, Complaint and Delivery notifications to an SNS topic
   * of the account, so that they can be read in the workspace (SES publishes none without one).
   */
  verifyIdentity(identity: string): void {
    this.#change((sim) => {
      sim.verifyIdentity(identity);
      subscribeFeedback(sim, identity);
    });
  }
  deleteIdentity(identity: string): void {
    this.#change((sim) => sim.deleteIdentity(identity));
  }
  /** List management calls (contact lists, contacts, unsubscribing); the result is shown. */
  manageContactLists<T>(work: (lists: ContactListMethods) => T): T {
    return this.#change(work);
  }
  setHeadersInNotifications(identity: string, enabled: boolean): void {
    this.#change((sim) => sim.setIdentityHeadersInNotificationsEnabled(identity, enabled));
  }
  putSuppressedDestination(emailAddress: string, reason: SuppressionReason): void {
    this.#change((sim) => sim.putSuppressedDestination(emailAddress, reason));
  }
  deleteSuppressedDestination(emailAddress: string): void {
    this.#change((sim) => sim.deleteSuppressedDestination(emailAddress));
  }
  /** One page of the account-level list, filtered (reads only; SesError for a bad request). */
  listSuppressedDestinations(
    request: ListSuppressedDestinationsRequest,
  ): ListSuppressedDestinationsResponse {
    return this.#simulator.listSuppressedDestinations(request);
  }
  setAccountSuppressedReasons(reasons: SuppressionReason[]): void {
    this.#change((sim) => sim.putAccountSuppressionAttributes(reasons));
  }
  setProductionAccess(
    enabled: boolean,
    quotas?: { max24HourSend?: number; maxSendRate?: number },
  ): void {
    this.#change((sim) => sim.setProductionAccess(enabled, quotas));
  }
  setSendQuota(quotas: { max24HourSend?: number; maxSendRate?: number }): void {
    this.#change((sim) => sim.setSendQuota(quotas));
  }
  setSendingEnabled(enabled: boolean): void {
    this.#change((sim) => sim.setSendingEnabled(enabled));
  }
  setPauseOnReputation(enabled: boolean): void {
    this.#change((sim) => sim.setPauseOnReputation(enabled));
  }
  setOutcomeRules(rules: readonly OutcomeRule[]): void {
    this.#change((sim) => sim.setOutcomeRules(rules));
  }
  putConfigurationSet(set: ConfigurationSet): void {
    this.#change((sim) => sim.putConfigurationSet(set));
  }
  deleteConfigurationSet(name: string): void {
    this.#change((sim) => sim.deleteConfigurationSet(name));
  }
  putReceiptRuleSet(set: ReceiptRuleSet): void {
    this.#change((sim) => sim.putReceiptRuleSet(set));
  }
  deleteReceiptRuleSet(name: string): void {
    this.#change((sim) => sim.deleteReceiptRuleSet(name));
  }
  setActiveReceiptRuleSet(name: string | undefined): void {
    this.#change((sim) => sim.setActiveReceiptRuleSet(name));
  }
  deleteInbound(messageId: string): void {
    this.#change((sim) => sim.deleteInbound(messageId));
  }
  /**
   * `CreateEmailIdentity`. A domain's Easy DKIM keys are made by WebCrypto first when none are
   * ready; more are made afterwards for the next one.
   */
  async createEmailIdentity(
    identity: string,
    dkimSigningKey?: { privateKey: string; selector: string },
  ): Promise<void> {
    if (!identity.includes('@') && !dkimSigningKey && !this.#simulator.dkimKeysReady()) {
      await this.#simulator.prepareDkimKeys();
    }
    this.#change((sim) =>
      sim.createEmailIdentity(identity, dkimSigningKey ? { dkimSigningKey } : {}),
    );
    void this.#prepareKeys();
  }
  async #prepareKeys(): Promise<void> {
    try {
      await this.#simulator.prepareDkimKeys();
      this.#refresh();
    } catch (error) {
      this.storageError = `DKIM keys could not be made: ${describeError(error)}`;
    }
  }
  deleteEmailIdentity(identity: string): void {
    this.#change((sim) => sim.deleteEmailIdentity(identity));
  }
  clickVerificationLink(emailAddress: string): void {
    this.#change((sim) => sim.clickVerificationLink(emailAddress));
  }
  setMailFrom(
    identity: string,
    domain: string,
    behavior: 'USE_DEFAULT_VALUE' | 'REJECT_MESSAGE',
  ): void {
    this.#change((sim) =>
      sim.putEmailIdentityMailFromAttributes(identity, {
        MailFromDomain: domain,
        BehaviorOnMxFailure: behavior,
      }),
    );
  }
  putDnsRecord(record: DnsRecord): void {
    this.#change((sim) => sim.putDnsRecord(record));
  }
  deleteDnsRecord(record: DnsRecord): void {
    this.#change((sim) => sim.deleteDnsRecord(record));
  }
  /** Simulated DNS, for verifying DKIM in Inspect. */
  resolveTxt(name: string): string[] | undefined {
    return this.#simulator.resolveTxt(name);
  }
  /** The bytes a recipient received. */
  deliveredMessage(messageId: string, recipient: string): Uint8Array {
    return this.#simulator.deliveredMessage(messageId, recipient);
  }
  /** The bytes of the forwarded feedback email at `index` of the simulator's list. */
  feedbackEmail(index: number): Uint8Array {
    const email = this.#simulator.feedbackEmails()[index];
    if (!email) throw new RangeError(`There is no feedback email number ${index}.`);
    return email.raw;
  }
  /** Store (or replace) an email template; RangeError when SES would refuse it. */
  putEmailTemplate(template: EmailTemplate): void {
    this.#change((sim) => sim.putEmailTemplate(template));
  }
  deleteEmailTemplate(name: string): void {
    this.#change((sim) => sim.deleteEmailTemplate(name));
  }
  /** `TestRenderEmailTemplate`: the MIME message a stored template renders to. */
  testRenderEmailTemplate(request: TestRenderEmailTemplateRequest): string {
    return this.#simulator.testRenderEmailTemplate(request).RenderedTemplate;
  }
  /** Let simulated time pass: deliveries, retries and quota windows move on. */
  advance(ms: number): void {
    this.#change((sim) => sim.advance(ms));
  }

  /** Send through the simulator (Raw content is read by the MIME inspector first). */
  async send(request: SendEmailRequest): Promise<SendEmailResponse> {
    await this.load();
    try {
      return await this.#simulator.sendEmailAsync(request);
    } finally {
      this.#refresh();
    }
  }

  /** Receive an inbound message through the active receipt rule set. */
  async receive(request: ReceiveRequest): Promise<InboundRecord> {
    await this.load();
    try {
      return await this.#simulator.receiveEmailAsync(request);
    } finally {
      this.#refresh();
    }
  }

  /** A sent message's notifications and events in time order. */
  timeline(messageId: string): TimelineEntry[] {
    return this.#simulator.timeline(messageId);
  }

  /** The whole simulator state as pretty-printed JSON, for a file. */
  exportJson(): string {
    return JSON.stringify(this.#simulator.exportState(), null, 2);
  }

  /** Replace the whole state with one read from JSON; throws RangeError when it is not one. */
  importJson(text: string): void {
    const value = parseStateJson(text);
    this.#change((sim) => sim.importState(value));
  }

  /** Start again with a new account in the sandbox: empty, or the demo account. */
  reset(startingPoint: SesStartingPoint = 'empty'): void {
    const nowMs = this.#clock().getTime();
    const fresh =
      startingPoint === 'demo'
        ? demoState(nowMs)
        : createSesSimulator({ now: this.#clock }).exportState();
    this.#change((sim) => sim.importState(fresh));
  }
}

let shared: SesStore | undefined;

/** The page's one SES store, loading from IndexedDB on first use. */
export function sesStore(): SesStore {
  if (!shared) {
    // A new person finds an account the sample draft can send from.
    shared = new SesStore({ fresh: 'demo' });
    void shared.load();
  }
  return shared;
}

const CONTEXT = Symbol('ses-store');

/** Share a store with the workspace's components. */
export function setSesContext(store: SesStore): SesStore {
  return setContext(CONTEXT, store);
}

/** The store the workspace shared. */
export function getSesContext(): SesStore {
  const store = getContext<SesStore | undefined>(CONTEXT);
  if (!store) throw new RangeError('The SES panels need the SES workspace around them.');
  return store;
}
