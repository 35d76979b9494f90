import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';

import './modal-dialog.css';

const FOCUSABLE =
  'button, [href], input, select, textarea, summary, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** The elements Tab can reach inside `box`, in order (disabled and hidden ones left out). */
function tabbables(box: HTMLElement): HTMLElement[] {
  return [...box.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.matches(':disabled') && el.tabIndex >= 0 && el.getClientRects().length > 0,
  );
}

export interface ModalBehaviourOptions {
  /**
   * Where focus goes on close when the element that had it at opening is gone (a menu item of
   * a menu that closed); by default the skip link's target, the chart region.
   */
  readonly returnFocus?: () => HTMLElement | null;
}

/**
 * What makes a modal dialog modal for the keyboard (WAI-ARIA practices, "Dialog (Modal)"):
 * focus moves into `box` on open (to an `autoFocus` field when there is one, else the first
 * tabbable element, else the box), Tab and Shift+Tab cycle inside it, Escape calls `onEscape`
 * (pass null while the dialog must not close, e.g. busy), and on close focus returns to the
 * element that had it when the dialog opened. For dialogs that draw their own frame; the
 * frame itself is `ModalDialog`.
 */
export function useModalBehaviour(
  box: RefObject<HTMLElement | null>,
  onEscape: (() => void) | null,
  options: ModalBehaviourOptions = {},
): void {
  // Read during the first render, before any autoFocus inside the dialog moves focus.
  const [opener] = useState(openerOf);
  const escape = useRef(onEscape);
  const returnFocus = useRef(options.returnFocus);
  useEffect(() => {
    escape.current = onEscape;
    returnFocus.current = options.returnFocus;
  });
  useEffect(() => {
    const el = box.current;
    if (el && !el.contains(document.activeElement)) (tabbables(el)[0] ?? el).focus();
    const onKey = (e: KeyboardEvent) => {
      const root = box.current;
      // Only the innermost open dialog answers (a dialog opened over a dialog).
      if (!root || isUnder(root)) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        escape.current?.();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = tabbables(root);
      if (items.length === 0) {
        e.preventDefault();
        root.focus();
        return;
      }
      const [head, tail] = [items[0]!, items.at(-1)!];
      const inside = root.contains(document.activeElement);
      if (e.shiftKey && (document.activeElement === head || !inside)) {
        e.preventDefault();
        tail.focus();
      } else if (!e.shiftKey && (document.activeElement === tail || !inside)) {
        e.preventDefault();
        head.focus();
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      const target =
        opener && opener.isConnected && opener !== document.body
          ? opener
          : (returnFocus.current?.() ?? document.getElementById('chart'));
      // After React has removed the dialog, so nothing inside it takes focus back.
      queueMicrotask(() => target?.focus());
    };
  }, [box, opener]);
}

/**
 * The element focus returns to: the focused one, or for an item of a menu (which closes as
 * the dialog opens) the button that controls that menu.
 */
function openerOf(): HTMLElement | null {
  const active = document.activeElement as HTMLElement | null;
  const menu = active?.closest<HTMLElement>('[role="menu"][id]');
  return (menu && document.querySelector<HTMLElement>(`[aria-controls="${CSS.escape(menu.id)}"]`)) ?? active;
}

/** True when another modal dialog opened after `root` (it sits later in the document). */
function isUnder(root: HTMLElement): boolean {
  const all = [...document.querySelectorAll('[aria-modal="true"]')];
  return all.indexOf(root) < all.length - 1;
}

/**
 * A modal dialog as the ARIA practices describe it: labelled by its title, focus moved into
 * it on open, Tab and Shift+Tab kept inside, Escape closes, and focus returned to where it was.
 * The one frame of every dialog in the app (backdrop, box, title; `.modal-actions` for its
 * buttons, `.modal-error` for a refusal); `className` sizes it and styles its content.
 */
export function ModalDialog({
  title,
  onClose,
  children,
  className,
  testId,
  busy = false,
  backdropCloses = true,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  testId?: string;
  /** While true (a write under way), neither Escape nor the backdrop closes it. */
  busy?: boolean;
  /**
   * A click on the backdrop closes it (default). Off for dialogs holding choices a stray click
   * must not throw away (an import preview) or whose closing cancels work (a report in progress).
   */
  backdropCloses?: boolean;
}) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useModalBehaviour(box, busy ? null : onClose);
  return (
    <div
      className="modal-backdrop"
      onMouseDown={(e) => backdropCloses && !busy && e.target === e.currentTarget && onClose()}
    >
      <div
        ref={box}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={`modal ${className ?? ''}`}
        data-testid={testId}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}

/**
 * The last row of a dialog that writes: what went wrong, if anything (announced), then Cancel
 * and the action. Both buttons are disabled while `busy`; the action also while `disabled`.
 */
export function ModalFooter({
  error,
  busy,
  onCancel,
  onConfirm,
  confirmLabel,
  disabled = false,
}: {
  error: string | null;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  confirmLabel: string;
  disabled?: boolean;
}) {
  return (
    <>
      {error && (
        <p className="modal-error" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="button primary" onClick={onConfirm} disabled={busy || disabled}>
          {confirmLabel}
        </button>
      </div>
    </>
  );
}

/** A dialog's whole content when its input was refused: the reason (announced) and Close, focused. */
export function ModalRefusal({ message, onClose }: { message: string; onClose: () => void }) {
  return (
    <>
      <p className="modal-error" role="alert">
        {message}
      </p>
      <div className="modal-actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </>
  );
}
