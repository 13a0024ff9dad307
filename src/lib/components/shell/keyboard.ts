/** The app-wide keys: the palette's shortcut and how shortcuts are shown on this system. */
import type { Shortcut } from '../../state/commands.svelte.ts';

/** Ctrl+K (Cmd+K on Apple keyboards) opens the command palette. */
export const PALETTE_SHORTCUT: Shortcut = { key: 'k', mod: true };

/** Whether the page runs on an Apple system, where shortcuts use ⌘ instead of Ctrl. */
export function isApple(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}
