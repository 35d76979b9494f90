import { useEffect, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import type { ClaimWhatIf as WhatIfResult } from '../../../../shared/contract/research';
import type { ClaimEvaluation, ClaimMetric } from '../../../../shared/domain/claims';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { pct, verdictLabels } from '../claims/claim-text';
import './research.css';

/**
 * One labelled parameter input. `name` is its accessible name where the short visible label
 * ("to") would be shared by other inputs of the claim.
 */
function ParamInput({
  label,
  name,
  ...input
}: { label: string; name?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'name'>) {
  return (
    <label>
      {label}
      <input aria-label={name} {...input} />
    </label>
  );
}

/** What a typed parameter input takes: its labels and a value of its kind. */
interface ParamProps<V> {
  readonly label: string;
  readonly name?: string;
  readonly value: V;
  readonly onChange: (v: V) => void;
}

/** A percent input bound to a fraction. */
function PctInput({ value, onChange, ...rest }: ParamProps<number>) {
  return (
    <ParamInput
      {...rest}
      type="number"
      step="0.5"
      value={Math.round(value * 1000) / 10}
      onChange={(e) => e.target.value !== '' && onChange(Number(e.target.value) / 100)}
    />
  );
}

function DateInput({ value, onChange, ...rest }: ParamProps<string>) {
  return (
    <ParamInput {...rest} type="date" value={value} onChange={(e) => e.target.value && onChange(e.target.value)} />
  );
}

/** A from–to pair under one caption ("Holds within %: from … to …"); each input named in full. */
function RangeGroup({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <fieldset className="param-range">
      <legend>{caption}</legend>
      {children}
    </fieldset>
  );
}

/** A date range: "As of: from … to …", the inputs named "As of from" and "As of to". */
function DateRange<T extends string>({
  caption,
  from,
  to,
  onChange,
}: {
  caption: string;
  from: T;
  to: T;
  onChange: (range: { from: T; to: T }) => void;
}) {
  return (
    <RangeGroup caption={caption}>
      <DateInput label="from" name={`${caption} from`} value={from} onChange={(v) => onChange({ from: v as T, to })} />
      <DateInput label="to" name={`${caption} to`} value={to} onChange={(v) => onChange({ from, to: v as T })} />
    </RangeGroup>
  );
}

/** A band of fractions shown in percent: "Holds within %: from … to …", named "Holds from %" and "Holds to %". */
function PctBand({
  name,
  band,
  onChange,
}: {
  name: string;
  band: { readonly min: number; readonly max: number };
  onChange: (band: { min: number; max: number }) => void;
}) {
  return (
    <RangeGroup caption={`${name} within %`}>
      <PctInput label="from" name={`${name} from %`} value={band.min} onChange={(v) => onChange({ ...band, min: v })} />
      <PctInput label="to" name={`${name} to %`} value={band.max} onChange={(v) => onChange({ ...band, max: v })} />
    </RangeGroup>
  );
}

/**
 * The editable parameters of a metric: window, base/as-of range, thresholds. Shared with the
 * article preview (features/article), where the edits are saved with the new study.
 */
export function ClaimParams({ metric, onChange }: { metric: ClaimMetric; onChange: (m: ClaimMetric) => void }) {
  switch (metric.kind) {
    case 'ytd-return-range':
      return (
        <>
          <DateRange
            caption="As of"
            from={metric.from}
            to={metric.to}
            onChange={(r) => onChange({ ...metric, ...r })}
          />
          <PctBand name="Holds" band={metric.holds} onChange={(holds) => onChange({ ...metric, holds })} />
          {metric.borderline && (
            <PctBand
              name="Borderline"
              band={metric.borderline}
              onChange={(borderline) => onChange({ ...metric, borderline })}
            />
          )}
        </>
      );
    case 'max-gain-within-days':
      return (
        <>
          <label>
            Window (days)
            <input
              type="number"
              min={1}
              max={3660}
              value={metric.days}
              onChange={(e) =>
                Number(e.target.value) >= 1 && onChange({ ...metric, days: Math.round(Number(e.target.value)) })
              }
            />
          </label>
          <PctInput
            label="Holds above %"
            value={metric.holds.above}
            onChange={(v) =>
              onChange({
                ...metric,
                holds: { above: v },
                borderline: metric.borderline && metric.borderline.above > v ? { above: v } : metric.borderline,
              })
            }
          />
        </>
      );
    case 'gain-over-period':
      return (
        <>
          <DateRange caption="Base" from={metric.from} to={metric.to} onChange={(r) => onChange({ ...metric, ...r })} />
          <PctInput
            label="Holds above %"
            value={metric.holds.above}
            onChange={(v) =>
              onChange({
                ...metric,
                holds: { above: v },
                borderline: metric.borderline && metric.borderline.above > v ? { above: v } : metric.borderline,
              })
            }
          />
        </>
      );
    case 'record-high':
      return (
        <label>
          Field
          <select
            value={metric.field}
            onChange={(e) => onChange({ ...metric, field: e.target.value as 'high' | 'close' })}
          >
            <option value="high">intraday high</option>
            <option value="close">close</option>
          </select>
        </label>
      );
    case 'not-checkable':
      return null;
  }
}

/**
 * A claim a user can question: its parameters shown and editable, the verdict recomputed live
 * (the study's own parameters stay the default; Reset restores them), and per symbol a
 * sensitivity strip of the measured value over every admissible as-of date.
 */
export function ClaimWhatIf({ claim, studyId }: { claim: ClaimEvaluation; studyId: string }) {
  const [open, setOpen] = useState(false);
  const [metric, setMetric] = useState<ClaimMetric>(claim.metric);
  const [result, setResult] = useState<WhatIfResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const changed = JSON.stringify(metric) !== JSON.stringify(claim.metric);

  useEffect(() => {
    if (!open) return;
    let live = true;
    const t = setTimeout(() => {
      api.claims.whatIf({ studyId, claimId: claim.id, metric: changed ? metric : undefined }).then(
        (r) => live && (setResult(r), setError(null)),
        // Parameters the main process refuses (e.g. a holds band outside the borderline band):
        // the reason, and no verdict of other parameters beside it.
        (e: unknown) => live && (setError(describeError(e)), setResult(null)),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [open, metric, changed, studyId, claim.id]);

  if (claim.metric.kind === 'not-checkable') return null;
  return (
    <div className="claim-what-if" data-testid="claim-what-if">
      <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide what-if' : 'What if…'}
      </button>
      {open && (
        <>
          <div className="params">
            <ClaimParams metric={metric} onChange={setMetric} />
            <button type="button" disabled={!changed} onClick={() => setMetric(claim.metric)}>
              Reset
            </button>
          </div>
          {error && <p className="form-error">{error}</p>}
          {result && (
            <ul className="what-if-results">
              {result.evaluation.results.map((r) => {
                const strip = result.sensitivity.find((s) => s.symbol === r.symbol);
                const values = strip?.points.map((p) => p.value ?? 0) ?? [];
                const hi = Math.max(1e-9, ...values.map(Math.abs));
                return (
                  <li key={r.symbol} data-symbol={r.symbol} data-verdict={r.verdict} className="what-if-result">
                    <strong>{r.symbol}</strong> {r.value === null ? '—' : pct(r.value)}{' '}
                    <span className={`verdict verdict-${r.verdict}`}>
                      {verdictLabels[r.verdict].mark} {verdictLabels[r.verdict].text}
                    </span>
                    {changed && <span className="what-if-tag"> (what-if)</span>}
                    {strip && strip.points.length > 0 && (
                      <>
                        <div className="sensitivity-strip" aria-label={`${r.symbol}: value on each as-of date`}>
                          {strip.points.map((p) => (
                            <span
                              key={p.date}
                              className={`v-${p.verdict}`}
                              style={{ height: `${Math.max(6, (Math.abs(p.value ?? 0) / hi) * 100)}%` }}
                              title={`${p.date}: ${p.value === null ? '—' : pct(p.value)} (${verdictLabels[p.verdict].text})`}
                            />
                          ))}
                        </div>
                        <p className="hint" data-testid="sensitivity-summary">
                          Holds on {strip.holds} of {strip.points.length} as-of dates
                          {strip.borderline ? `, borderline on ${strip.borderline}` : ''} ({strip.points[0]!.date} →{' '}
                          {strip.points.at(-1)!.date}).
                        </p>
                      </>
                    )}
                    {strip?.note && strip.points.length === 0 && <p className="hint">{strip.note}</p>}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
