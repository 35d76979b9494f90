import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface Tab {
  readonly id: string;
  readonly label: string;
  readonly render: () => ReactNode;
}

/**
/**
 * A tab strip as the ARIA practices describe it (automatic activation): one tab stop, ←/→
 * move to and show the previous/next tab (wrapping), Home/End the first/last; only the active
 * tab's panel is mounted. The panel starts with a heading of the tab's name (visually hidden),
 * so the panels' own sub-headings sit under it in the page outline. `initial` opens a tab (an
 * unknown id opens the first); `onSelect` hears each switch (the workspace remembers it).
 */
export function Tabs({
  tabs,
  label,
  initial,
  onSelect,
}: {
  tabs: readonly Tab[];
  label: string;
  initial?: string;
  onSelect?: (id: string) => void;
}) {
  const [active, setActive] = useState(initial ?? tabs[0]?.id);
  const strip = useRef<HTMLDivElement>(null);
  const current = tabs.find((t) => t.id === active) ?? tabs[0];
  // A narrow strip scrolls sideways: keep the active tab in view (a restored one, a click on a
  // half-visible one), without scrolling anything else.
  useEffect(() => {
    const el = strip.current;
    const tab = el?.querySelector<HTMLElement>(`#tab-${current?.id ?? ''}`);
    if (!el || !tab) return;
    if (tab.offsetLeft < el.scrollLeft) el.scrollLeft = tab.offsetLeft;
    else if (tab.offsetLeft + tab.offsetWidth > el.scrollLeft + el.clientWidth)
      el.scrollLeft = tab.offsetLeft + tab.offsetWidth - el.clientWidth;
  }, [current?.id]);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const at = tabs.findIndex((t) => t.id === current?.id);
    let next: number | null = null;
    if (e.key === 'ArrowRight') next = (at + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') next = (at - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    // Alt+arrows step between events (study/use-event-navigation): leave them to the window.
    if (next === null || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const tab = tabs[next]!;
    setActive(tab.id);
    onSelect?.(tab.id);
    strip.current?.querySelector<HTMLElement>(`#tab-${tab.id}`)?.focus();
  }

  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tab-strip" ref={strip} onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={t.id === current?.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={t.id === current?.id ? 0 : -1}
            className={t.id === current?.id ? 'tab active' : 'tab'}
            onClick={() => {
              setActive(t.id);
              onSelect?.(t.id);
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      {current && (
        <div
          role="tabpanel"
          id={`panel-${current.id}`}
          aria-labelledby={`tab-${current.id}`}
          tabIndex={0}
          className="tab-panel"
        >
          <h2 className="sr-only">{current.label}</h2>
          {current.render()}
        </div>
      )}
    </div>
  );
}
