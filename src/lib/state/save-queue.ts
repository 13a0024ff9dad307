/**
 * Saves a draft as the person types without saves piling up: one save at a time, and while typing
 * goes on, at most one more every `intervalMs`, so that every change still reaches IndexedDB.
 */
import { describeFailure } from '../describe-failure.ts';

/** Whether a change is still on its way, and why the last save failed, if it did. */
export interface SaveStatus {
  saving: boolean;
  error: string | null;
}

/** How a save queue saves and whom it tells. */
export interface SaveQueueOptions {
  /** Write what is current now. */
  save: () => Promise<void>;
  /** Told whenever the status changes. */
  onStatus: (status: SaveStatus) => void;
  /** While changes keep coming, at most one save this often. */
  intervalMs: number;
}

/** A promise that settles in a later task: a save never runs in the keystroke's own task. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** One draft's saves, in order. */
export class SaveQueue {
  #options: SaveQueueOptions;
  #running: Promise<void> | undefined;
  #again = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #error: string | null = null;

  constructor(options: SaveQueueOptions) {
    this.#options = options;
  }

  /** True while a save runs or one is due. */
  get pending(): boolean {
    return this.#running !== undefined || this.#timer !== undefined;
  }

  /** The running save, if any (for callers that must wait for it). */
  get settled(): Promise<void> {
    return this.#running ?? Promise.resolve();
  }

  /**
   * Save soon: in the next task when no save is running (not in the task of the keystroke that
   * asked, which then updates the page sooner), else right after the running one.
   */
  request(): void {
    this.#tell(true);
    if (this.pending) {
      this.#again = true;
      return;
    }
    this.#start(nextTask());
  }

  #start(wait: Promise<void>): void {
    this.#running = wait
      .then(() => this.#options.save())
      .then(() => {
        this.#error = null;
      })
      .catch((error: unknown) => {
        this.#error = describeFailure(error);
      })
      .finally(() => {
        this.#running = undefined;
        if (!this.#again) {
          this.#tell(false);
          return;
        }
        this.#timer = setTimeout(() => {
          this.#timer = undefined;
          this.#again = false;
          // Already a task of its own: save at once.
          this.#tell(true);
          this.#start(Promise.resolve());
        }, this.#options.intervalMs);
      });
  }

  /** Save now, whatever is pending (the page is being left). */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#again = false;
    return this.#options.save();
  }

  /** Stop waiting: a due save is dropped (call `flush` first to keep it). */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#again = false;
  }

  #tell(saving: boolean): void {
    this.#options.onStatus({ saving, error: this.#error });
  }
}
