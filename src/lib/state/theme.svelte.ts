/**
 * The colour theme: the person's choice (light, dark, or whatever the system says), remembered
 * in localStorage, and the theme that choice resolves to right now. The page shows the resolved
 * theme as `data-theme` on <html>, which app.css reads.
 */
import { browserStorage, StoredChoice, type ChoiceStorage } from './stored-choice.svelte.ts';

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
  storage?: ChoiceStorage;
  /** Whether the system prefers dark now, and a way to hear when that changes. */
  systemDark?: { matches: boolean; subscribe(listener: (dark: boolean) => void): () => void };
}

function browserEnvironment(): ThemeEnvironment {
  if (typeof window === 'undefined') return {};
  const media = window.matchMedia?.(DARK_QUERY);
  return {
    storage: browserStorage(),
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
  systemDark = $state(false);
  readonly #choice: StoredChoice<ThemeChoice>;
  readonly resolved: ResolvedTheme = $derived.by(() => {
    const choice = this.#choice.value;
    return choice === 'system' ? (this.systemDark ? 'dark' : 'light') : choice;
  });
  #unsubscribe: (() => void) | undefined;

  constructor(environment: ThemeEnvironment = browserEnvironment()) {
    this.#choice = new StoredChoice(
      THEME_STORAGE_KEY,
      THEME_CHOICES,
      'system',
      environment.storage,
    );
    this.systemDark = environment.systemDark?.matches ?? false;
    this.#unsubscribe = environment.systemDark?.subscribe((dark) => (this.systemDark = dark));
  }

  /** The person's choice. */
  get choice(): ThemeChoice {
    return this.#choice.value;
  }

  /** Choose a theme and remember the choice. */
  choose(choice: ThemeChoice): void {
    this.#choice.set(choice);
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
