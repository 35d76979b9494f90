import { useEffect, type KeyboardEvent, type RefObject } from 'react';

const ITEMS = '[role="menuitem"]:not(:disabled)';

/**
 * The keyboard of a menu button's menu (WAI-ARIA practices, "Menu Button"): on opening, focus
 * goes to the first item; in the menu ↓/↑ move with wrap-around, Home/End go to the ends,
 * Escape closes it and gives focus back to its button (the `aria-haspopup` element beside
 * the menu), Tab closes it and moves on. Spread the result on the `role="menu"` element.
 */
export function useMenuKeys(
  open: boolean,
  close: () => void,
  menu: RefObject<HTMLElement | null>,
): { onKeyDown: (e: KeyboardEvent<HTMLElement>) => void } {
  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>(ITEMS)?.focus();
  }, [open, menu]);
  return {
    onKeyDown(e) {
      const items = [...e.currentTarget.querySelectorAll<HTMLElement>(ITEMS)];
      const at = items.indexOf(document.activeElement as HTMLElement);
      let to: number | null = null;
      if (e.key === 'ArrowDown') to = (at + 1) % items.length;
      else if (e.key === 'ArrowUp') to = (at - 1 + items.length) % items.length;
      else if (e.key === 'Home') to = 0;
      else if (e.key === 'End') to = items.length - 1;
      else if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        const button = e.currentTarget.parentElement?.querySelector<HTMLElement>('[aria-haspopup]');
        close();
        button?.focus();
        return;
      } else if (e.key === 'Tab') close();
      if (to === null || items.length === 0) return;
      e.preventDefault();
      items[to]?.focus();
    },
  };
}
