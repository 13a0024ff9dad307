/**
 * The mailbox simulator's five addresses as the pre-flight picker offers them, each with what
 * SES does with mail sent to it (ses-facts §4).
 */
import { SIMULATOR_ADDRESSES, type SimulatorScenario } from '../../ses/index.ts';

/** One address of the picker. */
export interface ScenarioChoice {
  scenario: SimulatorScenario;
  address: string;
  /** What happens, in a sentence. */
  effect: string;
}

const EFFECTS: Record<SimulatorScenario, string> = {
  success: 'Delivered: the recipient’s server accepts it, and a Delivery notification follows.',
  bounce:
    'Hard bounce: 550 5.1.1 user unknown, reported as a Bounce (Permanent/General); not added to your suppression list.',
  ooto: 'Delivered, then an out-of-office auto-reply, reported as a Bounce (Transient/General).',
  complaint:
    'Delivered, then the recipient marks it as spam: a Complaint (feedback type abuse) follows.',
  suppressionlist:
    'Treated as on SES’s global suppression list: a Bounce (Permanent/Suppressed), never delivered.',
};

/** Every scenario, in SES's order. */
export const SCENARIO_CHOICES: readonly ScenarioChoice[] = (
  Object.keys(SIMULATOR_ADDRESSES) as SimulatorScenario[]
).map((scenario) => ({
  scenario,
  address: SIMULATOR_ADDRESSES[scenario],
  effect: EFFECTS[scenario],
}));
