import type { InstrumentSummary } from '../../../../shared/domain/instrument';
import type { StudyRole, UniverseEntry } from '../../../../shared/domain/study';
import { useAppState } from '../../app/app-state';
import { useAddToComparison } from '../compare/use-add-to-comparison';
import { formatPercent, formatPrice, signClass } from '../../ui/format';
import { useRovingTabStop } from '../../ui/list-keys';
import { useStudy } from './study-state';
import './study.css';

const roleHeadings: Record<StudyRole, string> = { subject: 'Subjects', benchmark: 'Benchmarks' };

/**
 * The study's universe in the sidebar, by role (subjects, then benchmarks), each with its last
 * close and change from the cache; a symbol the cache lacks is listed but cannot be charted.
 */
export function StudyUniverse() {
  const { study } = useStudy();
  const { instruments, selected, select } = useAppState();
  const addToComparison = useAddToComparison();
  // Ctrl/Cmd/Shift-click adds a symbol to the comparison (anchored at the selected event, else
  // the first date in view); a plain click charts it alone.
  const pick = (symbol: UniverseEntry['symbol'], add: boolean) => (add ? addToComparison(symbol) : select(symbol));
  // Subjects and benchmarks are one Tab stop: ↑/↓ move across both lists.
  const roving = useRovingTabStop<HTMLElement>({ rows: 'button.instrument', current: '[aria-selected="true"]' });
  if (!study) return null;
  const summary = new Map<string, InstrumentSummary>(instruments.map((i) => [i.symbol, i]));
  return (
    <nav className="study-universe" aria-label={`${study.title}: instruments`} data-testid="study-universe" {...roving}>
      {(['subject', 'benchmark'] as const).map((role) => {
        const members = study.universe.filter((u) => u.role === role);
        if (members.length === 0) return null;
        return (
          <section key={role}>
            <h2>{roleHeadings[role]}</h2>
            <ul className="instrument-list" role="listbox" aria-label={roleHeadings[role]}>
              {members.map((u) => (
                <UniverseRow
                  key={u.symbol}
                  entry={u}
                  summary={summary.get(u.symbol)}
                  selected={u.symbol === selected}
                  onSelect={(add) => pick(u.symbol, add)}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}

function UniverseRow({
  entry,
  summary,
  selected,
  onSelect,
}: {
  entry: UniverseEntry;
  summary: InstrumentSummary | undefined;
  selected: boolean;
  onSelect(add: boolean): void;
}) {
  const name = entry.instrument?.name ?? summary?.name ?? '';
  const cached = entry.instrument !== null;
  return (
    <li role="none">
      <button
        type="button"
        role="option"
        className={selected ? 'instrument selected' : 'instrument'}
        aria-selected={selected}
        data-symbol={entry.symbol}
        disabled={!cached}
        onClick={(e) => onSelect(e.ctrlKey || e.metaKey || e.shiftKey)}
        title={
          cached
            ? `${name || entry.symbol}${entry.note ? ` — ${entry.note}` : ''} (Ctrl/⌘/Shift-click: add to the comparison)`
            : `${entry.symbol} is not cached yet`
        }
      >
        <span className="symbol">
          {entry.symbol}
          {entry.instrument?.closeOnly ? (
            <span className="badge" title="Close-only series, drawn as a line">
              close
            </span>
          ) : null}
        </span>
        <span className="name">{cached ? name : 'not cached'}</span>
        {summary?.lastDate ? (
          <span className="asof" title={`Last session ${summary.lastDate}`}>
            {summary.lastDate}
          </span>
        ) : null}
        <span className="last">{formatPrice(summary?.lastClose)}</span>
        <span className={`change ${signClass(summary?.lastChange)}`}>{formatPercent(summary?.lastChange)}</span>
      </button>
    </li>
  );
}
