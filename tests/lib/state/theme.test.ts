import { describe, expect, test } from 'vitest';
import { flushSync } from 'svelte';
import {
  THEME_STORAGE_KEY,
  ThemeSetting,
  type ThemeEnvironment,
} from '../../../src/lib/state/theme.svelte.ts';

/** A storage and a system setting the test controls. */
function environment(stored: string | null, systemDark: boolean) {
  const items = new Map<string, string>();
  if (stored !== null) items.set(THEME_STORAGE_KEY, stored);
  const listeners = new Set<(dark: boolean) => void>();
  const env: ThemeEnvironment = {
    storage: {
      getItem: (key) => items.get(key) ?? null,
      setItem: (key, value) => void items.set(key, value),
    },
    systemDark: {
      matches: systemDark,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  };
  const setSystem = (dark: boolean) => listeners.forEach((listener) => listener(dark));
  return { env, items, listeners, setSystem };
}

describe('ThemeSetting', () => {
  test('follows the system setting until the person chooses', () => {
    const { env, setSystem } = environment(null, true);
    const setting = new ThemeSetting(env);
    expect(setting.choice).toBe('system');
    expect(setting.resolved).toBe('dark');
    setSystem(false);
    flushSync();
    expect(setting.resolved).toBe('light');
  });

  test('a choice overrides the system and is remembered', () => {
    const { env, items, setSystem } = environment(null, false);
    const setting = new ThemeSetting(env);
    setting.choose('dark');
    expect(setting.resolved).toBe('dark');
    setSystem(false);
    expect(setting.resolved).toBe('dark');
    expect(items.get(THEME_STORAGE_KEY)).toBe('dark');
    expect(new ThemeSetting(env).resolved).toBe('dark');
  });

  test('an unknown stored value falls back to the system', () => {
    const { env } = environment('purple', true);
    const setting = new ThemeSetting(env);
    expect(setting.choice).toBe('system');
    expect(setting.resolved).toBe('dark');
  });

  test('a storage that refuses writes keeps the choice for the visit', () => {
    const setting = new ThemeSetting({
      storage: {
        getItem: () => {
          throw new Error('denied');
        },
        setItem: () => {
          throw new Error('denied');
        },
      },
    });
    setting.choose('light');
    expect(setting.resolved).toBe('light');
  });

  test('refuses a choice that is not a theme', () => {
    const setting = new ThemeSetting({});
    expect(() => setting.choose('sepia' as never)).toThrow(RangeError);
  });

  test('dispose stops following the system', () => {
    const { env, listeners } = environment(null, false);
    const setting = new ThemeSetting(env);
    expect(listeners.size).toBe(1);
    setting.dispose();
    expect(listeners.size).toBe(0);
  });
});
