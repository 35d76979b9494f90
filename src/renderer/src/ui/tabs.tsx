import { useState, type ReactNode } from 'react';

export interface Tab {
  readonly id: string;
  readonly label: string;
  readonly render: () => ReactNode;
}

/**
 * A simple accessible tab strip; only the active tab's content is mounted. `initial` opens a
 * tab (an unknown id opens the first); `onSelect` hears each switch (the workspace remembers it).
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
  const current = tabs.find((t) => t.id === active) ?? tabs[0];
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tab-strip">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={t.id === current?.id}
            aria-controls={`panel-${t.id}`}
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
        <div role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`} className="tab-panel">
          {current.render()}
        </div>
      )}
    </div>
  );
}
