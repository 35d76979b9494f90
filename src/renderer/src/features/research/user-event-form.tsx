import { useState, type FormEvent } from 'react';
import type { Ticker } from '../../../../shared/brand';
import { eventCategories, type EventWithT0 } from '../../../../shared/domain/study-event';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { categoryLabels } from '../study/annotations/chart-event';

export interface UserEventFormProps {
  /** The event to edit; null to add a new one. */
  readonly event: EventWithT0 | null;
  /** Defaults of a new event: the charted symbol and a date (the bar the user picked). */
  readonly defaultSymbol: Ticker | null;
  readonly defaultDate?: string;
  readonly studyId: string | null;
  onDone(event: EventWithT0 | null): void;
}

/**
 * Adds or edits a user event: date (and optional time with its zone), title, note, category,
 * symbols (default: the charted one), optional URL and a window (dates shaded around it). Saved at once through the bridge; the
 * study reloads on the change signal, so the event shows on every chart it concerns.
 */
export function UserEventForm({ event, defaultSymbol, defaultDate, studyId, onDone }: UserEventFormProps) {
  const [date, setDate] = useState<string>(event?.date ?? defaultDate ?? new Date().toISOString().slice(0, 10));
  const [time, setTime] = useState(event?.time ?? '');
  const [timezone, setTimezone] = useState(event?.timezone ?? '');
  const [title, setTitle] = useState(event?.title ?? '');
  const [note, setNote] = useState(event?.summary ?? '');
  const [category, setCategory] = useState<string>(event?.category ?? 'user');
  const [symbols, setSymbols] = useState((event?.symbols ?? (defaultSymbol ? [defaultSymbol] : [])).join(', '));
  const [url, setUrl] = useState(event?.source.url ?? '');
  const [windowFrom, setWindowFrom] = useState<string>(event?.window?.from ?? '');
  const [windowTo, setWindowTo] = useState<string>(event?.window?.to ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = {
      date,
      time: time || null,
      timezone: time ? timezone || null : null,
      title,
      note,
      category: category as (typeof eventCategories)[number],
      symbols: symbols
        .split(/[,\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
      url: url || null,
      window: windowFrom && windowTo ? { from: windowFrom, to: windowTo } : null,
    };
    if (!windowFrom !== !windowTo) {
      setError('A window needs both its first and its last date (or neither).');
      return;
    }
    setBusy(true);
    const call = event ? api.events.edit({ id: event.id, changes: fields }) : api.events.add({ ...fields, studyId });
    call.then(
      (saved) => onDone(saved),
      (err: unknown) => {
        setBusy(false);
        setError(describeError(err));
      },
    );
  };

  return (
    <form
      className="user-event-form"
      data-testid="user-event-form"
      onSubmit={submit}
      aria-label={event ? 'Edit event' : 'Add event'}
    >
      <div className="form-row">
        <label>
          Date <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} name="date" />
        </label>
        <label>
          Time <input type="time" value={time} onChange={(e) => setTime(e.target.value)} name="time" />
        </label>
        <label>
          Zone{' '}
          <input
            value={timezone}
            placeholder="Asia/Hong_Kong"
            onChange={(e) => setTimezone(e.target.value)}
            name="timezone"
            disabled={!time}
          />
        </label>
      </div>
      <label>
        Title <input required value={title} onChange={(e) => setTitle(e.target.value)} name="title" maxLength={200} />
      </label>
      <div className="form-row">
        <label>
          Category{' '}
          <select value={category} onChange={(e) => setCategory(e.target.value)} name="category">
            {eventCategories.map((c) => (
              <option key={c} value={c}>
                {categoryLabels[c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Symbols <input value={symbols} onChange={(e) => setSymbols(e.target.value)} name="symbols" />
        </label>
      </div>
      <label>
        Note <textarea value={note} onChange={(e) => setNote(e.target.value)} name="note" rows={2} maxLength={4000} />
      </label>
      <label>
        URL <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} name="url" placeholder="https://…" />
      </label>
      <div className="form-row">
        <label>
          Window from{' '}
          <input type="date" value={windowFrom} onChange={(e) => setWindowFrom(e.target.value)} name="windowFrom" />
        </label>
        <label>
          to <input type="date" value={windowTo} onChange={(e) => setWindowTo(e.target.value)} name="windowTo" />
        </label>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {event ? 'Save' : 'Add event'}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
