import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { AppCommandId } from '../../../shared/domain/app-commands';
import { api } from '../api/client';
import { commandForKey, CommandRegistry, connectAppCommands, type CommandHandler } from './commands';

/** Where focus is typing, bare keys belong to the field, not to the app. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  return el.isContentEditable || el.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

const CommandsContext = createContext<CommandRegistry | null>(null);

const isMac = () => /Mac/.test(navigator.platform);
// The web bridge marks the page: there is no native menu in a browser.
const hasNativeMenu = () => document.documentElement.dataset.catalystShell !== 'web';

/** Mounts the registry, the native menu's commands and the app's keyboard shortcuts. */
export function CommandsProvider({ children }: { children: ReactNode }) {
  const [registry] = useState(() => new CommandRegistry());
  useEffect(() => connectAppCommands(api.on, registry), [registry]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.repeat) return;
      const typing = isTypingTarget(e.target);
      // `?` opens the shortcuts overlay (Shift+/ on most layouts).
      const id: AppCommandId | null =
        !typing && e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey
          ? 'help.shortcuts'
          : commandForKey(e, { mac: isMac(), nativeMenu: hasNativeMenu(), typing });
      if (id && registry.run(id)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [registry]);
  return <CommandsContext.Provider value={registry}>{children}</CommandsContext.Provider>;
}

export function useCommands(): CommandRegistry {
  const r = useContext(CommandsContext);
  if (!r) throw new Error('useCommands outside CommandsProvider');
  return r;
}

/** Carries out `id` while the calling component is mounted (and `enabled`). */
export function useCommand(id: AppCommandId, handler: CommandHandler, enabled = true): void {
  const registry = useCommands();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => (enabled ? registry.register(id, () => latest.current()) : undefined), [registry, id, enabled]);
}
