/**
 * The colour theme: the person's choice (light, dark, or whatever the system says), remembered
 * in localStorage, and the theme that choice resolves to right now. The page shows the resolved
 * theme as `data-theme` on <html>, which app.css reads.
 */

/** What the person can choose. */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
/** One of `THEME_CHOICES`. */
export type ThemeChoice = (typeof THEME_CHOICES)[number];
/** The theme the page actually shows. */
export type ResolvedTheme = 'light' | 'dark';

/** The localStorage key of the person's choice. */
export const THEME_STORAGE_KEY = 'mailwright-theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The pieces of the browser the theme depends on; tests pass their own. */
export interface ThemeEnvironment {
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** Whether the system prefers dark now, and a way to hear when that changes. */
  systemDark?: { matches: boolean; subscribe(listener: (dark: boolean) => void): () => void };
}

function isChoice(value: unknown): value is ThemeChoice {
  return THEME_CHOICES.includes(value as ThemeChoice);
}

function browserEnvironment(): ThemeEnvironment {
  if (typeof window === 'undefined') return {};
  const media = window.matchMedia?.(DARK_QUERY);
  let storage: ThemeEnvironment['storage'];
  try {
    storage = window.localStorage;
  } catch {
    // Storage can be refused (private modes, blocked cookies): the choice then lasts the visit.
  }
  return {
    storage,
    systemDark: media && {
      matches: media.matches,
      subscribe(listener) {
        const onChange = (event: MediaQueryListEvent) => listener(event.matches);
        media.addEventListener('change', onChange);
        return () => media.removeEventListener('change', onChange);
      },
    },
  };
}

/** The theme setting. `choice` is the person's; `resolved` is what shows. */
export class ThemeSetting {
  choice: ThemeChoice = $state('system');
  systemDark = $state(false);
  readonly resolved: ResolvedTheme = $derived(
    this.choice === 'system' ? (this.systemDark ? 'dark' : 'light') : this.choice,
  );
  #storage: ThemeEnvironment['storage'];
  #unsubscribe: (() => void) | undefined;

  constructor(environment: ThemeEnvironment = browserEnvironment()) {
    this.#storage = environment.storage;
    const stored = this.#read();
    if (isChoice(stored)) this.choice = stored;
    this.systemDark = environment.systemDark?.matches ?? false;
    this.#unsubscribe = environment.systemDark?.subscribe((dark) => (this.systemDark = dark));
  }

  /** Choose a theme and remember the choice. */
  choose(choice: ThemeChoice): void {
    if (!isChoice(choice)) throw new RangeError(`"${String(choice)}" is not a theme choice.`);
    this.choice = choice;
    try {
      this.#storage?.setItem(THEME_STORAGE_KEY, choice);
    } catch {
      // A full or refused storage only means the choice is not remembered.
    }
  }

  #read(): string | null {
    try {
      return this.#storage?.getItem(THEME_STORAGE_KEY) ?? null;
    } catch {
      return null;
    }
  }

  /** Stop following the system setting. */
  dispose(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}

/** Show a resolved theme on a document (data-theme on its root element). */
export function applyTheme(root: HTMLElement, theme: ResolvedTheme): void {
  root.dataset.theme = theme;
}

/** The page's one theme setting. */
export const theme = new ThemeSetting();
