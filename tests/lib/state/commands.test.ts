import { describe, expect, test } from 'vitest';
import {
  CommandRegistry,
  filterCommands,
  formatShortcut,
  matchesShortcut,
  type Command,
  type KeyEventLike,
} from '../../../src/lib/state/commands.svelte.ts';

function key(init: Partial<KeyEventLike> & { key: string }): KeyEventLike {
  return { code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...init };
}

function command(id: string, label: string, extra: Partial<Command> = {}): Command {
  return { id, label, run: () => {}, ...extra };
}

describe('matchesShortcut', () => {
  const cases = [
    {
      why: 'Ctrl+S',
      shortcut: { key: 's', mod: true },
      event: key({ key: 's', ctrlKey: true }),
      expected: true,
    },
    {
      why: 'Cmd+S counts as Ctrl+S',
      shortcut: { key: 's', mod: true },
      event: key({ key: 's', metaKey: true }),
      expected: true,
    },
    {
      why: 'S alone is not Ctrl+S',
      shortcut: { key: 's', mod: true },
      event: key({ key: 's' }),
      expected: false,
    },
    {
      why: 'Ctrl+Shift+S is not Ctrl+S',
      shortcut: { key: 's', mod: true },
      event: key({ key: 'S', ctrlKey: true, shiftKey: true }),
      expected: false,
    },
    {
      why: 'Ctrl+Enter',
      shortcut: { key: 'Enter', mod: true },
      event: key({ key: 'Enter', ctrlKey: true }),
      expected: true,
    },
    {
      why: 'Alt+1 by its physical key when Alt changes the character',
      shortcut: { key: '1', alt: true },
      event: key({ key: '¡', code: 'Digit1', altKey: true }),
      expected: true,
    },
    {
      why: 'Alt+2 is not Alt+1',
      shortcut: { key: '1', alt: true },
      event: key({ key: '2', code: 'Digit2', altKey: true }),
      expected: false,
    },
    {
      why: 'Ctrl+K on another layout by its character',
      shortcut: { key: 'k', mod: true },
      event: key({ key: 'k', code: 'KeyV', ctrlKey: true }),
      expected: true,
    },
  ];
  for (const t of cases) {
    test(t.why, () => expect(matchesShortcut(t.shortcut, t.event)).toBe(t.expected));
  }
});

describe('formatShortcut', () => {
  test('reads as people write shortcuts', () => {
    expect(formatShortcut({ key: 'Enter', mod: true })).toBe('Ctrl+Enter');
    expect(formatShortcut({ key: 's', mod: true })).toBe('Ctrl+S');
    expect(formatShortcut({ key: '1', alt: true })).toBe('Alt+1');
    expect(formatShortcut({ key: 'k', mod: true, shift: true }, true)).toBe('⌘⇧K');
  });
});

describe('filterCommands', () => {
  const all = [
    command('a', 'Send with SES simulator'),
    command('b', 'Export .eml', { keywords: ['download'] }),
    command('c', 'Show the SES request', { keywords: ['export'] }),
    command('d', 'Go to Inspect'),
  ];
  test('an empty query lists everything in order', () => {
    expect(filterCommands(all, '  ').map((item) => item.id)).toEqual(['a', 'b', 'c', 'd']);
  });
  test('labels that start with the query come first, then keyword matches', () => {
    expect(filterCommands(all, 'exp').map((item) => item.id)).toEqual(['b', 'c']);
  });
  test('every word must match, in any order', () => {
    expect(filterCommands(all, 'ses send').map((item) => item.id)).toEqual(['a']);
    expect(filterCommands(all, 'download').map((item) => item.id)).toEqual(['b']);
    expect(filterCommands(all, 'nothing like it')).toEqual([]);
  });
});

describe('CommandRegistry', () => {
  test('register adds commands until the returned function removes them', () => {
    const registry = new CommandRegistry();
    const off = registry.register(command('x', 'X'), command('y', 'Y'));
    const offZ = registry.register(command('z', 'Z'));
    expect(registry.commands.map((item) => item.id)).toEqual(['x', 'y', 'z']);
    off();
    expect(registry.commands.map((item) => item.id)).toEqual(['z']);
    offZ();
    expect(registry.commands).toEqual([]);
  });

  test('refuses a second command with the same id', () => {
    const registry = new CommandRegistry();
    registry.register(command('x', 'X'));
    expect(() => registry.register(command('x', 'Again'))).toThrow(RangeError);
    expect(registry.commands).toHaveLength(1);
  });

  test('a shortcut runs only in its own workspace, or anywhere when it has none', () => {
    const registry = new CommandRegistry();
    registry.register(
      command('export', 'Export', { workspace: 'compose', shortcut: { key: 's', mod: true } }),
      command('go', 'Go', { shortcut: { key: '2', alt: true } }),
    );
    const ctrlS = key({ key: 's', ctrlKey: true });
    expect(registry.commandForKey(ctrlS, 'compose')?.id).toBe('export');
    expect(registry.commandForKey(ctrlS, 'inspect')).toBeUndefined();
    expect(registry.commandForKey(key({ key: '2', code: 'Digit2', altKey: true }), 'ses')?.id).toBe(
      'go',
    );
    expect(registry.commandForKey(key({ key: 'x' }), 'compose')).toBeUndefined();
  });
});
