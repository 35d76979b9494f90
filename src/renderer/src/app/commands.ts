import type { CatalystClient } from '../../../shared/contract/bridge';
import { appCommands, type AppCommandId } from '../../../shared/domain/app-commands';

export type CommandHandler = () => void;

/**
 * Who carries out each app command right now. A feature registers a handler while it is
 * mounted; the latest registration wins and unregistering restores the previous one (a
 * dialog can take over a command and give it back). The native menu, the in-app keys and
 * the shortcuts overlay all run commands through here, so they never disagree.
 */
export class CommandRegistry {
  private readonly handlers = new Map<AppCommandId, CommandHandler[]>();
  private readonly listeners = new Set<() => void>();

  register(id: AppCommandId, handler: CommandHandler): () => void {
    const stack = this.handlers.get(id) ?? [];
    stack.push(handler);
    this.handlers.set(id, stack);
    this.changed();
    return () => {
      const at = stack.lastIndexOf(handler);
      if (at >= 0) stack.splice(at, 1);
      this.changed();
    };
  }

  /** Runs a command; false when no mounted feature handles it now. */
  run(id: AppCommandId): boolean {
    const handler = this.handlers.get(id)?.at(-1);
    if (!handler) return false;
    handler();
    return true;
  }

  has(id: AppCommandId): boolean {
    return (this.handlers.get(id)?.length ?? 0) > 0;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    for (const l of this.listeners) l();
  }
}

/** The native menu's commands (the `app.command` push event) go to the registry. */
export function connectAppCommands(on: CatalystClient['on'], registry: CommandRegistry): () => void {
  return on('app.command', ({ command }) => {
    if (command in appCommands) registry.run(command);
  });
}

export interface KeyInfo {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

/**
 * The command a key press gives, or null. Bare keys (`1`…`6`, `L`) only outside text fields;
 * menu accelerators (`CmdOrCtrl+…`) only when there is no native menu to catch them (the
 * browser of `npm run web`), or Electron would run them twice.
 */
export function commandForKey(
  e: KeyInfo,
  o: { readonly mac: boolean; readonly nativeMenu: boolean; readonly typing: boolean },
): AppCommandId | null {
  const mod = o.mac ? e.metaKey : e.ctrlKey;
  for (const [id, spec] of Object.entries(appCommands) as Array<[AppCommandId, (typeof appCommands)[AppCommandId]]>) {
    const bare = 'key' in spec ? spec.key : undefined;
    if (bare && !o.typing && !e.ctrlKey && !e.metaKey && !e.altKey && e.key.toUpperCase() === bare.toUpperCase()) {
      return id;
    }
    if (spec.accelerator && !o.nativeMenu && matchesAccelerator(spec.accelerator, e, mod)) return id;
  }
  return null;
}

function matchesAccelerator(accelerator: string, e: KeyInfo, mod: boolean): boolean {
  const parts = accelerator.split('+');
  const key = parts.pop()!;
  const want = new Set(parts);
  if (want.has('CmdOrCtrl') !== mod) return false;
  if (want.has('Shift') !== e.shiftKey || want.has('Alt') !== e.altKey) return false;
  return e.key.toUpperCase() === key.toUpperCase() || (key === '/' && e.key === '?');
}

/** An accelerator as the user reads it on this platform: `⌘⇧S` on a Mac, `Ctrl+Shift+S` elsewhere. */
export function formatShortcut(accelerator: string, mac: boolean): string {
  const names: Record<string, [string, string]> = {
    CmdOrCtrl: ['⌘', 'Ctrl'],
    Command: ['⌘', 'Cmd'],
    Control: ['⌃', 'Ctrl'],
    Shift: ['⇧', 'Shift'],
    Alt: ['⌥', 'Alt'],
    Plus: ['+', '+'],
  };
  const parts = accelerator.split('+').map((p) => names[p]?.[mac ? 0 : 1] ?? p);
  return mac ? parts.join('') : parts.join('+');
}
