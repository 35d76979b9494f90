import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { IsoDate, Ticker } from '../../../../shared/brand';
import type { EventWithT0 } from '../../../../shared/domain/study-event';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { useAppState } from '../../app/app-state';
import { ModalDialog } from '../../ui/modal-dialog';
import { useChart } from '../chart/chart-context';
import { useStudy } from '../study/study-state';
import { setLastDeleted } from './event-actions';
import { UserEventForm } from './user-event-form';
import './research.css';

/** An open context menu: where, the session it is about, and the event marker under the pointer. */
interface MenuState {
  readonly at: { readonly x: number; readonly y: number };
  readonly date: IsoDate | null;
  readonly event: EventWithT0 | null;
}

/** The event form as a dialog: a new event at a date, or an edit. */
type FormState =
  { readonly kind: 'add'; readonly date: IsoDate } | { readonly kind: 'edit'; readonly event: EventWithT0 };

/** True for keys typed into a field or a dialog, which the chart's keys must leave alone. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  return target.closest('[role="dialog"], [role="menu"]') !== null;
}

/** Rough size of the menu, to keep it inside the chart near the right and bottom edges. */
const MENU_W = 240;
const MENU_H = 130;

/**
 * Adding an event of your own from the chart: a right-click on a session opens a menu with
 * "Add event here…" (and, on an event marker, edit, delete or hide that event); a double-click
 * on a session opens the form at once; on the keyboard, `E` adds an event at the session under
 * the crosshair (else the last one in view) and Shift+F10 or the context-menu key opens the
 * menu there. The form is the Events panel's, prefilled with the date and the charted symbol;
 * the study reloads on the change signal, so the new marker shows at once.
 */
export function ChartEventMenu() {
  const { controller, content } = useChart();
  const study = useStudy();
  const { selected, setStatus } = useAppState();
  const [menu, setMenu] = useState<MenuState | null>(null);
  const [form, setForm] = useState<FormState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const crosshair = useRef<{ date: IsoDate; x: number; y: number } | null>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const events = study.study?.events;

  // The latest values for the chart listeners, which are subscribed once per controller.
  const latest = useRef({ events, content, covered: false });
  useEffect(() => {
    latest.current = { events, content, covered: menu !== null || form !== null };
  });

  useEffect(() => {
    if (!controller) return;
    const eventById = (id: string | null) => (id ? (latest.current.events?.find((e) => e.id === id) ?? null) : null);
    const offs = [
      controller.onCrosshairMove((p) => {
        if (p.time && p.point) crosshair.current = { date: p.time, x: p.point.x, y: p.point.y };
        // Our own menu or form over the chart makes the pointer "leave" it: the session under the
        // pointer stays the keyboard's (E, then Escape, then Shift+F10 act on the same session).
        else if (!latest.current.covered) crosshair.current = null;
      }),
      controller.onContextMenu((r) => {
        if (!latest.current.content) return;
        setError(null);
        setMenu({ at: r.at, date: r.time, event: eventById(r.objectId) });
      }),
      controller.onDoubleClick((p) => {
        // A double-click on a marker is two clicks on it (select, centre): only a bare session adds.
        if (!latest.current.content || !p.time || p.objectId) return;
        setMenu(null);
        setForm({ kind: 'add', date: p.time });
      }),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, [controller]);

  // Keyboard: E adds at the crosshair's session; Shift+F10 / the context-menu key opens the menu.
  useEffect(() => {
    if (!controller) return;
    const here = (): { date: IsoDate; x: number; y: number } | null => {
      if (crosshair.current) return crosshair.current;
      const to = controller.visibleDates()?.to ?? null;
      if (!to) return null;
      const session = controller.sessionAt(controller.timeToCoordinate(to) ?? controller.timeScaleWidth() - 1);
      const date = session?.time ?? to;
      return { date, x: (controller.timeToCoordinate(date) ?? controller.timeScaleWidth()) - 8, y: 24 };
    };
    const onKey = (e: KeyboardEvent) => {
      if (!latest.current.content || typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const isMenuKey = e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10');
      const isAdd = !e.shiftKey && (e.key === 'e' || e.key === 'E');
      if (!isMenuKey && !isAdd) return;
      const at = here();
      if (!at) return;
      e.preventDefault();
      if (isAdd) setForm({ kind: 'add', date: at.date });
      else setMenu({ at: { x: at.x, y: at.y }, date: at.date, event: null });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller]);

  // An open menu takes the focus, and closes on a click elsewhere.
  useEffect(() => {
    if (!menu) return;
    const opener = document.activeElement as HTMLElement | null;
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]:not([disabled])')?.focus();
    const onDown = (e: MouseEvent) => {
      if (!menuRef.current?.contains(e.target as Node)) setMenu(null);
    };
    document.addEventListener('mousedown', onDown);
    return () => {
      document.removeEventListener('mousedown', onDown);
      if (opener && document.contains(opener)) opener.focus();
    };
  }, [menu]);

  if (!content) return null;
  const defaultSymbol: Ticker | null = content.selection.kind === 'single' ? content.main.instrument.symbol : selected;

  const onMenuKey = (e: ReactKeyboardEvent) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      setMenu(null);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items[next]?.focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      (e.key === 'Home' ? items[0] : items.at(-1))?.focus();
    }
  };

  const run = (p: Promise<unknown>) => p.catch((err: unknown) => setError(describeError(err)));
  const ev = menu?.event ?? null;
  const size = controller?.paneSize() ?? { width: 0, height: 0 };
  const left = menu ? Math.max(0, Math.min(menu.at.x, size.width - MENU_W)) : 0;
  const top = menu ? Math.max(0, Math.min(menu.at.y, size.height - MENU_H)) : 0;

  return (
    <>
      {menu && (
        <div
          ref={menuRef}
          className="chart-menu"
          role="menu"
          aria-label={menu.date ? `Chart at ${menu.date}` : 'Chart'}
          data-testid="chart-menu"
          data-date={menu.date ?? ''}
          style={{ left, top }}
          onKeyDown={onMenuKey}
        >
          <button
            type="button"
            role="menuitem"
            disabled={!menu.date}
            onClick={() => {
              setMenu(null);
              if (menu.date) setForm({ kind: 'add', date: menu.date });
            }}
          >
            Add event here… <span className="menu-hint">{menu.date ?? 'no session here'}</span>
          </button>
          {ev && ev.origin === 'user' && (
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                setMenu(null);
                setForm({ kind: 'edit', event: ev });
              }}
            >
              Edit “{ev.title}”…
            </button>
          )}
          {ev && ev.origin === 'user' && (
            <button
              type="button"
              role="menuitem"
              onClick={() =>
                run(
                  api.events.delete({ id: ev.id }).then((d) => {
                    setMenu(null);
                    setLastDeleted(d);
                    if (study.selectedEventId === ev.id) study.selectEvent(null);
                    setStatus(`Deleted “${d.event.title}”. Undo is in the Events panel.`);
                  }),
                )
              }
            >
              Delete “{ev.title}”
            </button>
          )}
          {ev && (
            <button
              type="button"
              role="menuitem"
              onClick={() => run(api.events.setHidden({ id: ev.id, hidden: !ev.hidden }).then(() => setMenu(null)))}
            >
              {ev.hidden ? 'Show' : 'Hide'} “{ev.title}”
            </button>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
      {form && (
        <ModalDialog
          title={form.kind === 'add' ? `Add an event on ${form.date}` : 'Edit event'}
          onClose={() => setForm(null)}
          className="chart-event-dialog"
          testId="chart-event-dialog"
        >
          <UserEventForm
            event={form.kind === 'edit' ? form.event : null}
            defaultSymbol={defaultSymbol}
            defaultDate={form.kind === 'add' ? form.date : undefined}
            studyId={form.kind === 'edit' ? form.event.studyId : (study.study?.id ?? null)}
            onDone={(e) => {
              setForm(null);
              if (e) study.selectEvent(e.id, { centre: true });
            }}
          />
        </ModalDialog>
      )}
    </>
  );
}
