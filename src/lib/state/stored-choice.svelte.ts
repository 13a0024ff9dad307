/**
 * A small choice the person makes about the page (theme, editor layout), remembered in
 * localStorage. Storage may be missing or refuse access (private modes, blocked cookies); the
 * choice then lasts for the visit.
 */

/** The storage a choice is kept in; tests pass their own. */
export type ChoiceStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The browser's localStorage, or nothing when the page may not use it. */
export function browserStorage(): ChoiceStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** One remembered choice among fixed values. */
export class StoredChoice<T extends string> {
  value: T = $state() as T;
  readonly #key: string;
  readonly #choices: readonly T[];
  readonly #storage: ChoiceStorage | undefined;

  constructor(key: string, choices: readonly T[], fallback: T, storage = browserStorage()) {
    this.#key = key;
    this.#choices = choices;
    this.#storage = storage;
    const stored = this.#read();
    this.value = stored !== null && this.#allows(stored) ? stored : fallback;
  }

  /** Make a choice and remember it. */
  set(value: T): void {
    if (!this.#allows(value)) {
      throw new RangeError(`"${String(value)}" is not one of ${this.#choices.join(', ')}.`);
    }
    this.value = value;
    try {
      this.#storage?.setItem(this.#key, value);
    } catch {
      // A full or refused storage only means the choice is not remembered.
    }
  }

  #allows(value: string): value is T {
    return this.#choices.includes(value as T);
  }

  #read(): string | null {
    try {
      return this.#storage?.getItem(this.#key) ?? null;
    } catch {
      return null;
    }
  }
}
