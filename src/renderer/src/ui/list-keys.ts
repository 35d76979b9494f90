import type { KeyboardEvent } from 'react';

/**
 * Arrow keys in a list of buttons (instruments, events, watchlist entries) or a toolbar: ↓/↑
 * (→/← for a horizontal toolbar) move focus to the next/previous item, Home/End to the
 * first/last, as in the ARIA practices' listbox and toolbar patterns. Every item stays a
 * button in the tab order, so nothing changes for Tab users or screen readers; the keys only
 * save Tab presses. Put it on the container's `onKeyDown`; `items` selects the focusable items
 * inside it (disabled ones are skipped). Keys with a modifier are left alone (Alt+↑/↓
 * reorders a watchlist, Alt+←/→ steps between events).
 */
export function moveFocusInList(
  e: KeyboardEvent<HTMLElement>,
  items: string,
  orientation: 'vertical' | 'horizontal' = 'vertical',
): void {
  if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  const [back, forward] = orientation === 'vertical' ? ['ArrowUp', 'ArrowDown'] : ['ArrowLeft', 'ArrowRight'];
  if (![back, forward, 'Home', 'End'].includes(e.key)) return;
  const all = [...e.currentTarget.querySelectorAll<HTMLElement>(items)].filter((el) => !el.matches(':disabled'));
  const at = all.indexOf(e.target as HTMLElement);
  if (at < 0) return;
  const last = all.length - 1;
  const to =
    e.key === 'Home' ? 0 : e.key === 'End' ? last : Math.min(last, Math.max(0, at + (e.key === forward ? 1 : -1)));
  e.preventDefault();
  all[to]?.focus();
}
