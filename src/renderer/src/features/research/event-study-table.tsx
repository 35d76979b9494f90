import { useEffect, useState } from 'react';
import type { EventStudyResult, EventStudyRow } from '../../../../shared/contract/research';
import { significanceMark } from '../../../../shared/domain/event-study';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { useDataVersions } from '../../app/data-versions-context';
import { formatPercent, signClass } from '../../ui/format';

const pct = (v: number | null) => (v === null ? '—' : formatPercent(v, 1));
const tText = (t: number | null) => (t === null ? '—' : `${t.toFixed(2)}${significanceMark(t)}`);
const windowLabel = (w: readonly [number, number]) => `[${w[0] > 0 ? '+' : ''}${w[0]}, ${w[1] > 0 ? '+' : ''}${w[1]}]`;

/** Loads the event study of one event (the study universe × the default windows). */
export function useEventStudy(eventId: string | null): { result: EventStudyResult | null; error: string | null } {
  const versions = useDataVersions();
  const version = [versions.kinds.bars, versions.kinds.events, versions.kinds.studies, versions.kinds.settings].join(
    ',',
  );
  const [result, setResult] = useState<EventStudyResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!eventId) return;
    let live = true;
    api.eventStudy.run({ eventId, paths: true }).then(
      (r) => live && (setResult(r), setError(null)),
      (e: unknown) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [eventId, version]);
  return { result, error };
}

/**
 * The study universe's returns around one event, in the Events panel: per symbol and window the
 * raw return, the market-adjusted abnormal return, the market-model CAR and its t (* 5 %, ** 1 %).
 */
export function EventStudyTable({ eventId }: { eventId: string }) {
  const { result, error } = useEventStudy(eventId);
  const [win, setWin] = useState(1);
  if (error) return <p className="empty error">Event study: {error}</p>;
  if (!result) return <p className="empty">Measuring returns around the event…</p>;
  const w = result.windows[win] ?? result.windows[0]!;
  const rows = result.rows.filter((r) => r.window[0] === w[0] && r.window[1] === w[1]);
  const summary = result.byEvent.find((s) => s.window[0] === w[0] && s.window[1] === w[1]);
  return (
    <div className="event-study" data-testid="event-study-table">
      <div className="event-study-windows" role="group" aria-label="Window">
        {result.windows.map((x, i) => (
          <button
            key={windowLabel(x)}
            type="button"
            className="chip"
            aria-pressed={i === win}
            onClick={() => setWin(i)}
          >
            {windowLabel(x)}
          </button>
        ))}
      </div>
      <StudyRowsTable rows={rows} />
      {summary && summary.mean !== null && (
        <p className="event-study-mean">
          Mean CAR {pct(summary.mean)} over {summary.n} symbols, t = {tText(summary.tStat)}
        </p>
      )}
      <p className="hint">t: * |t| ≥ 1.96 (5 %), ** |t| ≥ 2.58 (1 %). Market model over sessions −130 … −11.</p>
    </div>
  );
}

/** Rows of an event study (one window), with the reasons numbers are missing. */
export function StudyRowsTable({
  rows,
  onSymbol,
}: {
  rows: readonly EventStudyRow[];
  onSymbol?: (r: EventStudyRow) => void;
}) {
  return (
    <table className="study-rows">
      <thead>
        <tr>
          <th scope="col">Symbol</th>
          <th scope="col">Return</th>
          <th scope="col">Abnormal</th>
          <th scope="col">CAR</th>
          <th scope="col">t</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={`${r.eventId}:${r.symbol}`}
            data-symbol={r.symbol}
            className={significanceMark(r.tStat) ? 'significant' : ''}
            title={r.missing.join(' ') || `T0 ${r.t0} · ${r.from} → ${r.to} · vs ${r.benchmark}`}
          >
            <th scope="row">
              {onSymbol ? (
                <button type="button" className="link-button" onClick={() => onSymbol(r)}>
                  {r.symbol}
                </button>
              ) : (
                r.symbol
              )}
            </th>
            <td className={`num ${signClass(r.ret)}`}>{pct(r.ret)}</td>
            <td className={`num ${signClass(r.arMarketAdjusted)}`}>{pct(r.arMarketAdjusted)}</td>
            <td className={`num ${signClass(r.carMarketModel)}`}>{pct(r.carMarketModel)}</td>
            <td className="num">{tText(r.tStat)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export { pct as studyPct, tText, windowLabel };
