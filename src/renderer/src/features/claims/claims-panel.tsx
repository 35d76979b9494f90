import { Fragment, useEffect, useState } from 'react';
import type { ClaimEvaluation } from '../../../../shared/domain/claims';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { useAppState } from '../../app/app-state';
import { useDataVersions } from '../../app/data-versions-context';
import { useStudy } from '../study/study-state';
import { ClaimWhatIf } from '../research/claim-what-if';
import { focusClaim } from './claim-focus';
import { describeMetric, measuredSpan, pct, splitQuote, verdictLabels } from './claim-text';
import { useRovingTabStop } from '../../ui/list-keys';
import './claims.css';

/**
 * The study's claims checked on the cached data: for each, the article's sentence with the
 * claim's words marked, what is measured, and per symbol the value, the verdict, the dates
 * and the base used. Re-evaluated whenever cached prices change. The list is one Tab stop:
 * ↑/↓, Home and End move between claims, Tab then reaches the focused claim's own controls.
 */
export function ClaimsPanel() {
  const { select, selected } = useAppState();
  const versions = useDataVersions();
  // Verdicts depend on the cached bars and on the study's claims and events.
  const dataVersion = [versions.kinds.bars, versions.kinds.claims, versions.kinds.studies, versions.kinds.events].join(
    ',',
  );
  const { study } = useStudy();
  const studyId = study?.id;
  const [claims, setClaims] = useState<readonly ClaimEvaluation[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const roving = useRovingTabStop<HTMLOListElement>({ rows: 'li.claim' });

  useEffect(() => {
    if (!studyId) return;
    let live = true;
    api.claims.evaluate({ studyId }).then(
      (c) => {
        if (!live) return;
        setClaims(c);
        setError(null);
      },
      (e: unknown) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [studyId, dataVersion]);

  if (!study) return <p className="empty">No study is open.</p>;
  if (error) return <p className="empty error">Could not evaluate the claims: {error}</p>;
  if (!claims) return <p className="empty">Checking the claims…</p>;
  if (claims.length === 0) return <p className="empty">This study has no checkable claims.</p>;
  const title = (id: string) => study.events.find((e) => e.id === id)?.title ?? null;

  return (
    <ol className="claims" aria-label="Claims" data-testid="claims-panel" {...roving}>
      {claims.map((c, i) => {
        const [before, words, after] = splitQuote(c.quote, c.text);
        return (
          <li key={c.id} className="claim" data-claim-id={c.id} aria-label={`Claim ${i + 1} of ${claims.length}`}>
            <blockquote className="claim-quote">
              {before}
              {words && <mark>{words}</mark>}
              {after}
            </blockquote>
            <p className="claim-metric">{describeMetric(c.metric, title)}</p>
            <table className="claim-results">
              <thead>
                <tr>
                  <th scope="col">Symbol</th>
                  <th scope="col">Measured</th>
                  <th scope="col">Verdict</th>
                </tr>
              </thead>
              <tbody>
                {c.results.map((r) => (
                  <Fragment key={r.symbol}>
                    <tr className="claim-result" data-symbol={r.symbol} data-verdict={r.verdict}>
                      <th scope="row">
                        <button
                          type="button"
                          className="link-button"
                          aria-pressed={r.symbol === selected}
                          onClick={() => {
                            select(r.symbol);
                            focusClaim(
                              r.from && r.to
                                ? { claimId: c.id, symbol: r.symbol, from: r.from, to: r.to, value: r.value }
                                : null,
                            );
                          }}
                          title={
                            r.from && r.to
                              ? `Chart ${r.symbol} with the base (${r.from}) and end (${r.to}) marked`
                              : `Chart ${r.symbol}`
                          }
                        >
                          {r.symbol}
                        </button>
                      </th>
                      <td className="num">{r.value === null ? '–' : pct(r.value)}</td>
                      <td>
                        <span className={`verdict verdict-${r.verdict}`}>
                          <span aria-hidden="true">{verdictLabels[r.verdict].mark}</span>{' '}
                          {verdictLabels[r.verdict].text}
                        </span>
                      </td>
                    </tr>
                    <tr className="claim-span-row" data-symbol={r.symbol}>
                      <td colSpan={3}>{r.base ? `base ${measuredSpan(r)}` : r.note}</td>
                    </tr>
                  </Fragment>
                ))}
              </tbody>
            </table>
            <details className="claim-details">
              <summary>How it was measured</summary>
              {c.results.map((r) => (
                <p key={r.symbol}>
                  <strong>{r.symbol}</strong> {r.note}
                </p>
              ))}
              {c.note && <p className="claim-method">{c.note}</p>}
            </details>
            <ClaimWhatIf claim={c} studyId={study.id} />
          </li>
        );
      })}
    </ol>
  );
}
