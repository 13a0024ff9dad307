/**
 * Every action the person can run by name (the command palette) or by shortcut. Workspaces
 * register their actions while they are mounted and unregister them when they go, so the palette
 * always lists exactly what the page can do.
 */

/** A key combination. `mod` is Ctrl, or Cmd on Apple keyboards. */
export interface Shortcut {
  /** `KeyboardEvent.key` (case-insensitive), e.g. 'Enter', 's', 'k'; or `code` for digits. */
  key: string;
  mod?: boolean;
  alt?: boolean;
  shift?: boolean;
}

/** An action the page can run. */
export interface Command {
  /** Unique while registered, e.g. 'compose.export-eml'. */
  id: string;
  /** What the palette shows and filters on, e.g. 'Export .eml'. */
  label: string;
  /** The workspace it belongs to; it runs there (the palette opens it first). None: anywhere. */
  workspace?: string;
  shortcut?: Shortcut;
  /** Words that find it besides its label. */
  keywords?: string[];
  run(): void | Promise<void>;
}

/** The parts of a key event a shortcut depends on. */
export type KeyEventLike = Pick<
  KeyboardEvent,
  'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'
>;

/** Whether a key event is this shortcut. */
export function matchesShortcut(shortcut: Shortcut, event: KeyEventLike): boolean {
  if (!!shortcut.mod !== (event.ctrlKey || event.metaKey)) return false;
  if (!!shortcut.alt !== event.altKey || !!shortcut.shift !== event.shiftKey) return false;
  const key = shortcut.key.toLowerCase();
  // With Alt held, many layouts turn a digit or a letter into another character (Alt+1 is "¡"
  // on a Mac), so single characters are also compared by the physical key.
  if (/^[0-9]$/.test(key)) return event.code === `Digit${key}` || event.key === key;
  if (/^[a-z]$/.test(key)) return event.code === `Key${key.toUpperCase()}` || event.key === key;
  return event.key.toLowerCase() === key;
}

/** A shortcut as people read it: "Ctrl+Enter", or "⌘Enter" on Apple systems. */
export function formatShortcut(shortcut: Shortcut, apple = false): string {
  const key = shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key;
  const parts = [
    shortcut.mod ? (apple ? '⌘' : 'Ctrl') : '',
    shortcut.alt ? (apple ? '⌥' : 'Alt') : '',
    shortcut.shift ? (apple ? '⇧' : 'Shift') : '',
    key,
  ].filter(Boolean);
  return parts.join(apple ? '' : '+');
}

/**
 * The commands whose label or keywords hold every word of the query, best first: labels that
 * start with the query, then labels holding it, then the rest.
 */
export function filterCommands(commands: readonly Command[], query: string): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [...commands];
  const phrase = words.join(' ');
  const rank = (command: Command) => {
    const label = command.label.toLowerCase();
    return label.startsWith(phrase) ? 0 : label.includes(phrase) ? 1 : 2;
  };
  return commands
    .filter((command) => {
      const haystack = [command.label, ...(command.keywords ?? [])].join(' ').toLowerCase();
      return words.every((word) => haystack.includes(word));
    })
    .map((command, index) => ({ command, index, rank: rank(command) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ command }) => command);
}

/** The registry of commands. */
export class CommandRegistry {
  /** What registering reads: plain, so a component's `$effect` that registers never re-runs. */
  #items: readonly Command[] = [];
  /** What the palette shows. */
  #shown: readonly Command[] = $state.raw([]);

  /** Every registered command, in registration order. */
  get commands(): readonly Command[] {
    return this.#shown;
  }

  /** Add commands; returns the function that removes them again. */
  register(...commands: Command[]): () => void {
    for (const command of commands) {
      if (this.#items.some((known) => known.id === command.id)) {
        throw new RangeError(`A command with id "${command.id}" is already registered.`);
      }
    }
    this.#set([...this.#items, ...commands]);
    return () => this.#set(this.#items.filter((known) => !commands.includes(known)));
  }

  /** The command a key event asks for, among those that can run in `workspace`. */
  commandForKey(event: KeyEventLike, workspace: string): Command | undefined {
    return this.#items.find(
      (command) =>
        command.shortcut &&
        (!command.workspace || command.workspace === workspace) &&
        matchesShortcut(command.shortcut, event),
    );
  }

  #set(items: readonly Command[]): void {
    this.#items = items;
    this.#shown = items;
  }
}

/** The page's one command registry. */
export const commands = new CommandRegistry();
