/**
 * What came of the last thing a person did in a panel: a sentence saying what happened when it
 * worked, the reason when it failed. The panel shows both in live regions
 * (`FeedbackMessages.svelte`), so every click is answered for screen reader users too.
 */
import { describeFailure } from '../describe-failure.ts';

export { UNEXPLAINED_FAILURE, describeFailure } from '../describe-failure.ts';

/** Words for an `Error` an action threw, e.g. SES's code and message. */
export type DescribeError = (error: Error) => string;

/** Options of one action. */
export interface ActionOptions {
  /** A lead-in for the error, e.g. `state.json could not be imported`, shown as `lead-in: reason`. */
  failure?: string;
}

/** True for a promise or anything else that can be awaited. */
function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    'then' in value &&
    typeof value.then === 'function'
  );
}

/**
 * The status and error of one panel. `run` (or `runAsync`) performs an action: when it returns,
 * the status says what happened and an earlier error goes away; when it throws, the error says
 * why and the status is cleared, so the two never contradict each other.
 */
export class ActionFeedback {
  #status = $state('');
  #error = $state('');
  #pending = $state(false);
  readonly #describe: DescribeError;

  /**
   * @param describe Words for an `Error` the actions throw (default: its message). Anything else
   *   thrown, or an `Error` it finds no words for, is read by `describeFailure`.
   */
  constructor(describe: DescribeError = describeFailure) {
    this.#describe = describe;
  }

  /** What the last action that worked did; empty after a failure. */
  get status(): string {
    return this.#status;
  }

  /** Why the last action failed; empty after one that worked. */
  get error(): string {
    return this.#error;
  }

  /** Whether an action given to `runAsync` is still running. */
  get pending(): boolean {
    return this.#pending;
  }

  /**
   * Performs `action` and reports its outcome. `success` is the status to show, or makes it from
   * what the action returned; without it the status is cleared.
   * @returns whether the action worked.
   * @throws RangeError when `action` returns a promise: its outcome is not known yet (use `runAsync`).
   */
  run<T>(
    action: () => T,
    success?: string | ((result: T) => string),
    options: ActionOptions = {},
  ): boolean {
    let result: T;
    try {
      result = action();
    } catch (caught) {
      this.#fail(caught, options);
      return false;
    }
    if (isThenable(result)) {
      throw new RangeError('An asynchronous action must be run with runAsync, which waits for it.');
    }
    this.#succeed(result, success);
    return true;
  }

  /**
   * `run` for an action that finishes later; `pending` is true until it settles. Never rejects:
   * a rejection becomes the error.
   * @returns whether the action worked.
   */
  async runAsync<T>(
    action: () => Promise<T>,
    success?: string | ((result: T) => string),
    options: ActionOptions = {},
  ): Promise<boolean> {
    this.#pending = true;
    try {
      const result = await action();
      this.#succeed(result, success);
      return true;
    } catch (caught) {
      this.#fail(caught, options);
      return false;
    } finally {
      this.#pending = false;
    }
  }

  #succeed<T>(result: T, success: string | ((result: T) => string) | undefined): void {
    this.#error = '';
    this.#status = typeof success === 'function' ? success(result) : (success ?? '');
  }

  #fail(caught: unknown, options: ActionOptions): void {
    // A describer made for one kind of error may have no words for another (an empty message).
    const described = caught instanceof Error ? this.#describe(caught) : '';
    const reason = described.trim() ? described : describeFailure(caught);
    this.#status = '';
    this.#error = options.failure ? `${options.failure}: ${reason}` : reason;
  }
}
