import { useCallback, useEffect, useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent } from 'react';

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
  moveFocusAmong(
    e,
    [...e.currentTarget.querySelectorAll<HTMLElement>(items)].filter((el) => !el.matches(':disabled')),
    orientation,
  );
}

/** The list keys on `targets` (in order): moves focus when `e` is one of them and a list key. */
function moveFocusAmong(
  e: KeyboardEvent<HTMLElement>,
  targets: readonly HTMLElement[],
  orientation: 'vertical' | 'horizontal' = 'vertical',
): void {
  if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  const [back, forward] = orientation === 'vertical' ? ['ArrowUp', 'ArrowDown'] : ['ArrowLeft', 'ArrowRight'];
  if (![back, forward, 'Home', 'End'].includes(e.key)) return;
  const at = targets.indexOf(e.target as HTMLElement);
  if (at < 0) return;
  const last = targets.length - 1;
  const to =
    e.key === 'Home' ? 0 : e.key === 'End' ? last : Math.min(last, Math.max(0, at + (e.key === forward ? 1 : -1)));
  e.preventDefault();
  targets[to]?.focus();
}

const FOCUSABLE = 'button, [href], input, select, textarea, summary, [tabindex], [contenteditable="true"]';
const SAVED = 'data-roving-tabindex';

export interface RovingTabStopOptions {
  /** The rows of the list (selector inside the container). */
  readonly rows: string;
  /** The element of a row that takes focus (selector inside the row); the row itself when absent. */
  readonly target?: string;
  /** The row that is the Tab stop at first (the selected one), when focus has not been in the list yet. */
  readonly current?: string;
  readonly orientation?: 'vertical' | 'horizontal';
}

/**
 * A list as one Tab stop (the ARIA practices' roving tabindex): only one row's focus target is
 * in the tab order (the one focused last, else the `current` one, else the first); ↑/↓ (←/→),
 * Home and End move focus between rows; Tab then reaches the focused row's own controls (a
 * note button, a what-if field) and leaves the list. Other rows' controls are out of the tab
 * order until their row is focused (clicking one focuses its row). Rows added later (a data
 * change, a row's own state) are covered. Put `ref`, `onKeyDown` and `onFocus` on the container.
 */
export function useRovingTabStop<T extends HTMLElement>(options: RovingTabStopOptions) {
  const ref = useRef<T | null>(null);
  const active = useRef<HTMLElement | null>(null);
  const opts = useRef(options);
  useEffect(() => {
    opts.current = options;
  });

  const parts = useCallback((root: HTMLElement) => {
    const { rows, target } = opts.current;
    return [...root.querySelectorAll<HTMLElement>(rows)].flatMap((row) => {
      const main = target ? row.querySelector<HTMLElement>(target) : row;
      return main && !main.matches(':disabled') ? [{ row, main }] : [];
    });
  }, []);

  const sync = useCallback(() => {
    const root = ref.current;
    if (!root) return;
    const all = parts(root);
    const current = opts.current.current;
    const stop =
      all.find((p) => p.row === active.current) ??
      (current ? all.find((p) => p.row.matches(current) || p.main.matches(current)) : undefined) ??
      all[0];
    for (const p of all) {
      const on = p === stop;
      p.main.tabIndex = on ? 0 : -1;
      for (const inner of p.row.querySelectorAll<HTMLElement>(FOCUSABLE)) {
        if (inner === p.main) continue;
        if (!on && !inner.hasAttribute(SAVED)) {
          inner.setAttribute(SAVED, inner.getAttribute('tabindex') ?? '');
          inner.tabIndex = -1;
        } else if (on && inner.hasAttribute(SAVED)) {
          const saved = inner.getAttribute(SAVED)!;
          inner.removeAttribute(SAVED);
          if (saved === '') inner.removeAttribute('tabindex');
          else inner.setAttribute('tabindex', saved);
        }
      }
    }
  }, [parts]);

  // After every render of the owner, and whenever rows or their controls come and go (the
  // container itself may appear later, once the list has loaded).
  const observed = useRef<{ readonly el: HTMLElement; readonly observer: MutationObserver } | null>(null);
  useLayoutEffect(() => {
    sync();
    const el = ref.current;
    if (observed.current?.el === el) return;
    observed.current?.observer.disconnect();
    observed.current = null;
    if (!el) return;
    const observer = new MutationObserver(sync);
    observer.observe(el, { childList: true, subtree: true });
    observed.current = { el, observer };
  });
  useEffect(() => () => observed.current?.observer.disconnect(), []);

  const onFocus = useCallback(
    (e: FocusEvent<HTMLElement>) => {
      const root = ref.current;
      const row = root ? parts(root).find((p) => p.row.contains(e.target as Node)) : undefined;
      if (!row || row.row === active.current) return;
      active.current = row.row;
      sync();
    },
    [parts, sync],
  );

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      const root = ref.current;
      if (root)
        moveFocusAmong(
          e,
          parts(root).map((p) => p.main),
          opts.current.orientation,
        );
    },
    [parts],
  );

  return { ref, onKeyDown, onFocus };
}
