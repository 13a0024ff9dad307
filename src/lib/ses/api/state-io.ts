/**
 * Making, saving and restoring the simulator's state. `exportState` gives a deep copy that is
 * plain JSON; `importState` checks that a value is such a state before it is used.
 */
import { createRandom } from './ids.ts';
import { checkOutcomeRule, type OutcomeRule } from '../account/outcome-rules.ts';
import { stateShapeProblem } from './state-schema.ts';
import { createSendingAccount } from '../account/sandbox-and-quota.ts';
import type { SesSimulatorState } from './state.ts';
import {
  createAuthenticationState,
  readAuthenticationState,
} from '../identities/authentication-state.ts';

/** The `format` tag of a saved state. */
export const STATE_FORMAT = 'mailwright-ses-simulator';
/** The version of the saved state this code writes and reads. */
export const STATE_VERSION = 1;

/** How a new simulator starts. */
export interface InitialStateOptions {
  seed: number;
  region: string;
  sandbox: boolean;
  nowMs: number;
  accountId?: string;
  callerIdentity?: string;
  sourceIp?: string;
  outcomeRules?: readonly OutcomeRule[];
}

/** The account id a simulator has when none is given (the one in SES's documented examples). */
export const DEFAULT_ACCOUNT_ID = '123456789012';
/** The caller identity a simulator's events name when none is given. */
export const DEFAULT_CALLER_IDENTITY = 'ses_user';
/** The sending client's address when none is given (RFC 5737 documentation range). */
export const DEFAULT_SOURCE_IP = '192.0.2.0';

/** A fresh state: no identities, the account-level list on for BOUNCE and COMPLAINT. */
export function createInitialState(options: InitialStateOptions): SesSimulatorState {
  return {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    region: options.region,
    accountId: options.accountId ?? DEFAULT_ACCOUNT_ID,
    callerIdentity: options.callerIdentity ?? DEFAULT_CALLER_IDENTITY,
    sourceIp: options.sourceIp ?? DEFAULT_SOURCE_IP,
    random: createRandom(options.seed),
    clockOffsetMs: 0,
    nextSequence: 0,
    identities: [],
    account: createSendingAccount(options.sandbox, options.nowMs),
    pauseOnReputation: false,
    suppressedReasons: ['BOUNCE', 'COMPLAINT'],
    suppressionList: [],
    globalSuppressionList: [],
    outcomeRules: (options.outcomeRules ?? []).map((rule) => structuredClone(rule)),
    configurationSets: [],
    templates: [],
    messages: [],
    tasks: [],
    notifications: [],
    feedbackEmails: [],
    events: [],
    reputation: [],
    receiving: { ruleSets: [], inbound: [] },
    authentication: createAuthenticationState(),
    contactLists: [],
  };
}

const ARRAYS: ReadonlyArray<keyof SesSimulatorState> = [
  'identities',
  'suppressedReasons',
  'suppressionList',
  'globalSuppressionList',
  'outcomeRules',
  'configurationSets',
  'templates',
  'messages',
  'tasks',
  'notifications',
  'feedbackEmails',
  'events',
  'reputation',
  'contactLists',
];

/**
 * Check that a value (e.g. parsed JSON) is a saved simulator state and return a copy of it.
 * Throws RangeError with a plain sentence when it is not.
 */
export function readState(value: unknown): SesSimulatorState {
  if (typeof value !== 'object' || value === null) {
    throw new RangeError('A saved SES simulator state is a JSON object.');
  }
  const state = value as Partial<SesSimulatorState>;
  if (state.format === STATE_FORMAT && state.version === STATE_VERSION) {
    // States saved before templates, forwarded feedback emails or contact lists were kept have none.
    for (const key of ['templates', 'feedbackEmails', 'contactLists'] as const) {
      if (!(key in state)) return readState({ ...state, [key]: [] });
    }
  }
  if (state.format !== STATE_FORMAT) {
    throw new RangeError('This is not a saved SES simulator state.');
  }
  if (state.version !== STATE_VERSION) {
    throw new RangeError(
      `This SES simulator state has version ${String(state.version)}; version 1 can be read.`,
    );
  }
  for (const key of ARRAYS) {
    if (!Array.isArray(state[key])) throw new RangeError(`The saved state has no ${key} list.`);
  }
  if (typeof state.region !== 'string' || typeof state.random?.state !== 'number') {
    throw new RangeError('The saved state has no region or generator state.');
  }
  if (
    typeof state.account !== 'object' ||
    state.account === null ||
    !Array.isArray(state.account.sendLog)
  ) {
    throw new RangeError('The saved state has no sending account.');
  }
  if (
    typeof state.receiving !== 'object' ||
    state.receiving === null ||
    !Array.isArray(state.receiving.inbound)
  ) {
    throw new RangeError('The saved state has no receiving section.');
  }
  const problem = stateShapeProblem(state);
  if (problem) throw new RangeError(`The saved state is damaged: ${problem}.`);
  // States saved before identities had a lifecycle have no authentication section.
  const authentication = readAuthenticationState(state.authentication);
  const copy = structuredClone({ ...state, authentication } as SesSimulatorState);
  for (const rule of copy.outcomeRules) {
    try {
      checkOutcomeRule(rule);
    } catch (error) {
      throw new RangeError(
        `The saved state's outcome rule "${rule.pattern}" cannot work: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
  return copy;
}
