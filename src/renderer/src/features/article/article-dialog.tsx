import { useId, useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { ArticleOpenEvent } from '../../../../shared/contract/article';
import type { ProposedClaim } from '../../../../shared/domain/article/types';
import type { ClaimMetric } from '../../../../shared/domain/claims';
import type { EventCategory } from '../../../../shared/domain/study-event';
import { api } from '../../api/client';
import { useModalBehaviour } from '../../ui/modal-dialog';
import { describeError } from '../../api/errors';
import { ClaimParams } from '../research/claim-what-if';
import {
  claimKindLabels,
  claimKinds,
  claimProblem,
  editClaim,
  metricOfKind,
  toggleClaimSymbol,
  type ClaimKind,
  editEvent,
  editSource,
  highlight,
  removeClaim,
  removeEvent,
  removeMember,
  setMemberRole,
  setMemberSymbol,
  type Proposal,
} from './proposal-edit';
import './article.css';

/** What saving returned: the new study and the symbols it names that have no cached prices. */
export interface SavedStudy {
  readonly studyId: string;
  readonly title: string;
  readonly uncached: readonly string[];
  readonly left: readonly string[];
}

export interface ArticleDialogProps {
  /** A file chosen in the native menu's dialog (its text or why it could not be read). */
  readonly initial?: ArticleOpenEvent | null;
  /** Saves the confirmed proposal (through the study import path); throws with a message on failure. */
  save(proposal: Proposal, title: string): Promise<SavedStudy>;
  onSaved(saved: SavedStudy): void;
  onClose(): void;
}

const CATEGORIES: readonly Exclude<EventCategory, 'user'>[] = ['ai', 'policy', 'market', 'corporate', 'macro'];
const ACCEPT = '.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html';
const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;

/** One line saying what a claim's metric measures. */
export function metricText(c: ProposedClaim): string {
  const m = c.metric;
  if (!m) return c.checkable ? 'needs dates or an event' : 'not checkable from prices';
  switch (m.kind) {
    case 'ytd-return-range':
      return `YTD return ${pct(m.holds.min)}–${pct(m.holds.max)} on a session ${m.from} → ${m.to}`;
    case 'max-gain-within-days':
      return `gain above ${pct(m.holds.above)} within ${m.days} days of the event`;
    case 'record-high':
      return `record ${m.field} on the event's session`;
    case 'gain-over-period':
      return `gain above ${pct(m.holds.above)} from ${m.from} to ${m.to}`;
    case 'pct-fall':
      return `fall of ${pct(m.pct)}${m.from ? ` (${m.from}${m.to && m.to !== m.from ? ` → ${m.to}` : ''})` : ''} — not evaluated yet`;
    case 'outperformance':
      return `outperforms ${m.over.join(', ')} — not evaluated yet`;
    case 'level-comparison':
      return `${m.relation} ${m.level}${m.on ? ` on ${m.on}` : ''} — not evaluated yet`;
    case 'record-low':
      return 'record low — not evaluated yet';
    case 'not-checkable':
      return `not checkable from prices: ${m.reason}`;
  }
}

function Evidence({ sentence, words }: { sentence: string; words: readonly string[] }) {
  return (
    <blockquote className="art-evidence">
      {highlight(sentence, words).map((p, i) =>
        p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>,
      )}
    </blockquote>
  );
}

/**
 * How one proposed claim is measured, editable before saving: the kind of measure, its event,
 * its parameters (the research view's editor: window, base, dates, thresholds) and the symbols
 * it is measured on. The sentence stays as the evidence; what is set here is what is saved.
 */
function ClaimEditor({ p, claim, onChange }: { p: Proposal; claim: ProposedClaim; onChange(p: Proposal): void }) {
  const m = claim.metric;
  const kind = m && (claimKinds as readonly string[]).includes(m.kind) ? (m.kind as ClaimKind) : '';
  const evaluable = m && kind && kind !== 'not-checkable' ? (m as ClaimMetric) : null;
  const dated = p.events.filter((e) => e.date);
  const mapped = [...new Set(p.universe.flatMap((u) => (u.symbol ? [u.symbol] : [])))];
  return (
    <div className="art-claim-edit" data-testid="claim-editor">
      <div className="art-row">
        <label>
          Measure as{' '}
          <select
            value={kind}
            aria-label="Measure as"
            onChange={(e) => {
              const next = metricOfKind(p, claim, e.target.value as ClaimKind);
              if (next) onChange(editClaim(p, claim.id, { metric: next }));
            }}
          >
            {!kind && <option value="">{m ? `${m.kind} (not evaluated yet)` : 'choose how to measure it'}</option>}
            {claimKinds.map((k) => (
              <option key={k} value={k} disabled={!metricOfKind(p, claim, k)}>
                {claimKindLabels[k]}
              </option>
            ))}
          </select>
        </label>
        {evaluable && 'event' in evaluable && (
          <label>
            Event{' '}
            <select
              value={evaluable.event}
              aria-label="Measured from the event"
              onChange={(e) => onChange(editClaim(p, claim.id, { metric: { ...evaluable, event: e.target.value } }))}
            >
              {dated.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.date} {e.title}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {evaluable && (
        <div className="art-row art-params">
          <ClaimParams metric={evaluable} onChange={(metric) => onChange(editClaim(p, claim.id, { metric }))} />
        </div>
      )}
      <fieldset className="art-row art-claim-symbols">
        <legend>Measured on</legend>
        {mapped.map((s) => (
          <label key={s}>
            <input
              type="checkbox"
              checked={claim.symbols.includes(s)}
              onChange={() => onChange(toggleClaimSymbol(p, claim.id, s))}
            />
            {s}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

function ClaimItem({ p, claim, onChange }: { p: Proposal; claim: ProposedClaim; onChange(p: Proposal): void }) {
  const [editing, setEditing] = useState(false);
  const problem = claimProblem(p, claim);
  const c = claim;
  return (
    <li data-testid="article-claim" className={c.checkable ? undefined : 'art-unchecked'}>
      <div className="art-row">
        <strong className="art-metric">{metricText(c)}</strong>
        <span className="art-muted">{c.symbols.join(', ')}</span>
        {c.edited && <span className="art-precision">edited</span>}
        <button
          type="button"
          className="art-remove"
          aria-expanded={editing}
          aria-label={`Edit claim ${c.text}`}
          onClick={() => setEditing((x) => !x)}
        >
          {editing ? 'Done' : 'Edit'}
        </button>
        <button
          type="button"
          className="art-remove-x"
          aria-label={`Remove claim ${c.text}`}
          onClick={() => onChange(removeClaim(p, c.id))}
        >
          ×
        </button>
      </div>
      <Evidence sentence={c.quote} words={c.evidence.words} />
      {c.reason && <div className="art-reason">{c.reason}</div>}
      {editing && <ClaimEditor p={p} claim={c} onChange={onChange} />}
      {problem && (
        <div className="art-problem" role="alert">
          {problem}
        </div>
      )}
    </li>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <section className="art-section" aria-label={title}>
      <h3>
        {title} <span className="art-count">{count}</span>
      </h3>
      {children}
    </section>
  );
}

/**
 * File ▸ New study from article…: paste text or drop a .txt/.md/.html file, read it
 * (`article.propose`), edit the proposal (source, universe, events, claims, each with its
 * evidence), confirm: the study is saved through the import path and opened on the chart.
 */
export function ArticleDialog({ initial = null, save, onSaved, onClose }: ArticleDialogProps) {
  const titleId = useId();
  const [text, setText] = useState(initial && 'content' in initial ? initial.content : '');
  const [fileName, setFileName] = useState<string | null>(initial?.fileName ?? null);
  const [date, setDate] = useState('');
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [studyTitle, setStudyTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(
    initial && 'error' in initial ? `${initial.fileName}: ${initial.error}` : null,
  );
  const [saved, setSaved] = useState<SavedStudy | null>(null);

  // Focus kept inside and given back on close; Escape cancels unless busy (ui/modal-dialog).
  const box = useRef<HTMLDivElement>(null);
  useModalBehaviour(box, busy ? null : onClose);

  async function read(withDate: string) {
    setBusy(true);
    setError(null);
    try {
      const p = await api.article.propose({ content: text, fileName, ...(withDate ? { date: withDate } : {}) });
      setProposal(p);
      setStudyTitle(p.source.title ?? 'Study from an article');
      if (p.source.date) setDate(p.source.date);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  async function takeFile(file: File) {
    if (!/\.(txt|md|markdown|html?|text)$/i.test(file.name)) {
      setError(`${file.name}: an article is a .txt, .md or .html file`);
      return;
    }
    setFileName(file.name);
    setText(await file.text());
    setError(null);
  }

  function onDrop(e: DragEvent) {
    // The dialog takes the file: the window's own drop handler (watchlists) must not see it.
    e.preventDefault();
    e.stopPropagation();
    const file = e.dataTransfer.files[0];
    if (file) void takeFile(file);
  }

  async function confirm() {
    if (!proposal) return;
    setBusy(true);
    setError(null);
    try {
      const s = await save(proposal, studyTitle.trim() || 'Study from an article');
      setSaved(s);
      onSaved(s);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  async function updatePrices() {
    if (!saved) return;
    try {
      await api.sync.start({ symbols: [...saved.uncached] });
      onClose();
    } catch (e) {
      setError(describeError(e));
    }
  }

  const p = proposal;
  const problems = p ? p.claims.filter((c) => claimProblem(p, c)).length : 0;
  return (
    <div className="art-backdrop" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <div
        ref={box}
        className="art-modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="article-dialog"
      >
        <h2 id={titleId}>New study from article</h2>
        {saved ? (
          <div className="art-saved" data-testid="article-saved">
            <p>Saved “{saved.title}”: the chart shows it, with its claims checked on the cached prices.</p>
            {saved.left.length > 0 && (
              <ul className="art-left">
                {saved.left.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            )}
            {saved.uncached.length > 0 ? (
              <p>
                {saved.uncached.length} symbol{saved.uncached.length === 1 ? ' has' : 's have'} no cached prices:{' '}
                {saved.uncached.join(', ')}.
              </p>
            ) : null}
            <div className="art-actions">
              {saved.uncached.length > 0 && (
                <button type="button" className="button" onClick={() => void updatePrices()}>
                  Update prices of {saved.uncached.length}
                </button>
              )}
              <button type="button" className="button primary" onClick={onClose}>
                Close
              </button>
            </div>
          </div>
        ) : !p ? (
          <div className="art-input">
            <label className="art-field art-text">
              <span>Paste the article’s text, or drop a .txt, .md or .html file here</span>
              <textarea
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  setFileName(null);
                }}
                rows={14}
                aria-label="Article text"
                placeholder="Why China tech stocks are up 30% in 2025…"
              />
            </label>
            <div className="art-row">
              <label className="art-field">
                <span>or open a file</span>
                <input
                  type="file"
                  accept={ACCEPT}
                  onChange={(e) => e.target.files?.[0] && void takeFile(e.target.files[0])}
                />
              </label>
              <label className="art-field">
                <span>Published (if you know it)</span>
                <input
                  type="date"
                  value={date}
                  onChange={(e) => setDate(e.target.value)}
                  aria-label="Publication date"
                />
              </label>
              {fileName && <span className="art-muted">{fileName}</span>}
            </div>
            <div className="art-actions">
              <button type="button" className="button" onClick={onClose} disabled={busy}>
                Cancel
              </button>
              <button
                type="button"
                className="button primary"
                disabled={busy || !text.trim()}
                onClick={() => void read(date)}
              >
                {busy ? 'Reading…' : 'Read article'}
              </button>
            </div>
          </div>
        ) : (
          <div className="art-preview" data-testid="article-preview">
            <div className="art-scroll">
              <Section title="Source" count={1}>
                <div className="art-grid">
                  <label className="art-field">
                    <span>Study title</span>
                    <input
                      value={studyTitle}
                      onChange={(e) => setStudyTitle(e.target.value)}
                      aria-label="Study title"
                    />
                  </label>
                  <label className="art-field">
                    <span>Author</span>
                    <input
                      value={p.source.author ?? ''}
                      onChange={(e) => setProposal(editSource(p, { author: e.target.value || null }))}
                      aria-label="Author"
                    />
                  </label>
                  <label className="art-field">
                    <span>Publication</span>
                    <input
                      value={p.source.publication ?? ''}
                      onChange={(e) => setProposal(editSource(p, { publication: e.target.value || null }))}
                      aria-label="Publication"
                    />
                  </label>
                  <label className="art-field">
                    <span>
                      Published{' '}
                      <em className="art-muted">
                        {p.source.date
                          ? `(from ${p.source.origins.date}: confirm it)`
                          : '(not found: relative dates need it)'}
                      </em>
                    </span>
                    <span className="art-row">
                      <input
                        type="date"
                        value={date}
                        onChange={(e) => setDate(e.target.value)}
                        aria-label="Publication date"
                      />
                      <button
                        type="button"
                        disabled={busy || date === (p.source.date ?? '')}
                        onClick={() => void read(date)}
                      >
                        Re-read with this date
                      </button>
                    </span>
                  </label>
                </div>
              </Section>

              <Section title="Universe" count={p.universe.length}>
                <table className="art-table">
                  <thead>
                    <tr>
                      <th>symbol</th>
                      <th>role</th>
                      <th>from the words</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {p.universe.map((u, i) => (
                      <tr key={`${u.symbol ?? u.name}-${i}`} className={u.ambiguous ? 'art-ambiguous' : undefined}>
                        <td>
                          {u.ambiguous ? (
                            <select
                              aria-label={`Ticker for ${u.name}`}
                              value=""
                              onChange={(e) => setProposal(setMemberSymbol(p, i, e.target.value))}
                            >
                              <option value="">choose: “{u.name}” is ambiguous</option>
                              {u.candidates.map((c) => (
                                <option key={c.symbol} value={c.symbol}>
                                  {c.symbol} — {c.name}
                                </option>
                              ))}
                            </select>
                          ) : (
                            <input
                              className="art-symbol"
                              defaultValue={u.symbol ?? ''}
                              aria-label={`Ticker for ${u.words[0]}`}
                              onBlur={(e) => setProposal(setMemberSymbol(p, i, e.target.value))}
                            />
                          )}
                        </td>
                        <td>
                          <select
                            value={u.role}
                            aria-label={`Role of ${u.symbol ?? u.name}`}
                            onChange={(e) =>
                              setProposal(setMemberRole(p, i, e.target.value as 'subject' | 'benchmark'))
                            }
                          >
                            <option value="subject">subject</option>
                            <option value="benchmark">benchmark</option>
                          </select>
                        </td>
                        <td title={u.evidence[0]?.sentence}>
                          {u.words.map((w) => `“${w}”`).join(', ')} <span className="art-muted">{u.name}</span>
                        </td>
                        <td>
                          <button
                            type="button"
                            className="art-remove"
                            aria-label={`Remove ${u.symbol ?? u.name}`}
                            onClick={() => setProposal(removeMember(p, i))}
                          >
                            ×
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </Section>

              <Section title="Events" count={p.events.length}>
                <ol className="art-list">
                  {p.events.map((e) => (
                    <li key={e.id} data-testid="article-event">
                      <div className="art-row">
                        <input
                          type="date"
                          value={e.date ?? ''}
                          aria-label={`Date of ${e.title}`}
                          onChange={(x) => setProposal(editEvent(p, e.id, { date: x.target.value }))}
                        />
                        <span className={`art-precision art-${e.precision}`}>
                          {e.precision === 'day'
                            ? 'day'
                            : e.precision === 'undated'
                              ? 'no date'
                              : `${e.precision} ${e.range?.from} – ${e.range?.to}`}
                        </span>
                        <input
                          className="art-title"
                          value={e.title}
                          aria-label="Event title"
                          onChange={(x) => setProposal(editEvent(p, e.id, { title: x.target.value }))}
                        />
                        <select
                          value={e.category}
                          aria-label={`Category of ${e.title}`}
                          onChange={(x) =>
                            setProposal(editEvent(p, e.id, { category: x.target.value as (typeof CATEGORIES)[number] }))
                          }
                        >
                          {CATEGORIES.map((c) => (
                            <option key={c} value={c}>
                              {c}
                            </option>
                          ))}
                        </select>
                        <button
                          type="button"
                          className="art-remove"
                          aria-label={`Remove event ${e.title}`}
                          onClick={() => setProposal(removeEvent(p, e.id))}
                        >
                          ×
                        </button>
                      </div>
                      <Evidence sentence={e.quote} words={e.evidence.words} />
                      <div className="art-muted">
                        {e.link ? '' : e.dateText ? `date from “${e.dateText}”` : 'no date in the text'}
                        {e.link ? ` · linked to your library’s “${e.link.title}” (${e.link.date})` : ''} ·{' '}
                        {e.symbols.join(', ') || 'no symbols'}
                      </div>
                    </li>
                  ))}
                </ol>
              </Section>

              <Section title="Claims" count={p.claims.length}>
                <ol className="art-list">
                  {p.claims.map((c) => (
                    <ClaimItem key={c.id} p={p} claim={c} onChange={setProposal} />
                  ))}
                </ol>
              </Section>
              {p.warnings.length > 0 && (
                <ul className="art-warnings">
                  {p.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              )}
            </div>
            <div className="art-actions">
              <button type="button" className="button" onClick={() => setProposal(null)} disabled={busy}>
                Back to the text
              </button>
              <button type="button" className="button" onClick={onClose} disabled={busy}>
                Cancel
              </button>
              {problems > 0 && (
                <span className="art-problem">
                  {problems} claim{problems === 1 ? ' needs' : 's need'} fixing before saving
                </span>
              )}
              <button
                type="button"
                className="button primary"
                disabled={busy || problems > 0}
                onClick={() => void confirm()}
              >
                {busy ? 'Saving…' : 'Save study'}
              </button>
            </div>
          </div>
        )}
        {error && (
          <p className="art-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
