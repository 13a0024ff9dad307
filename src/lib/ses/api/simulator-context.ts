/**
 * What the parts of a simulator share: its state (replaced whole by `importState`), the step that
 * lets due deliveries happen, and the guard that undoes a failed change.
 */
import type { SesSimulatorState } from './state.ts';

/** The shared core of a simulator. */
export interface SimulatorContext {
  /** The current state. */
  readonly state: SesSimulatorState;
  /** Carry out everything due, and return the simulated now (epoch ms). */
  settle(): number;
  /** Run a change; when it throws, the generator is put back so the call had no effect. */
  transact<T>(change: () => T): T;
}
