import { describe, expect, test } from 'vitest';
import { StoredChoice, type ChoiceStorage } from '../../../src/lib/state/stored-choice.svelte.ts';

function memoryStorage(
  initial: Record<string, string> = {},
): ChoiceStorage & { items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}

const LAYOUTS = ['side-by-side', 'tabs'] as const;

describe('StoredChoice', () => {
  test('starts from the fallback and remembers a choice', () => {
    const storage = memoryStorage();
    const choice = new StoredChoice('layout', LAYOUTS, 'side-by-side', storage);
    expect(choice.value).toBe('side-by-side');
    choice.set('tabs');
    expect(choice.value).toBe('tabs');
    expect(storage.items.get('layout')).toBe('tabs');
    expect(new StoredChoice('layout', LAYOUTS, 'side-by-side', storage).value).toBe('tabs');
  });

  test('ignores a stored value that is not a choice', () => {
    const storage = memoryStorage({ layout: 'diagonal' });
    expect(new StoredChoice('layout', LAYOUTS, 'side-by-side', storage).value).toBe('side-by-side');
  });

  test('refuses to set a value that is not a choice', () => {
    const choice = new StoredChoice('layout', LAYOUTS, 'side-by-side', memoryStorage());
    expect(() => choice.set('diagonal' as never)).toThrow(RangeError);
    expect(choice.value).toBe('side-by-side');
  });

  test('works without storage, for the visit only', () => {
    const refusing: ChoiceStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const choice = new StoredChoice('layout', LAYOUTS, 'tabs', refusing);
    expect(choice.value).toBe('tabs');
    choice.set('side-by-side');
    expect(choice.value).toBe('side-by-side');
  });
});
