import { useEffect, useState } from 'react';
import type { Ticker } from '../../../../shared/brand';
import type { DeletedEvent } from '../../../../shared/contract/research';
import type { EventWithT0 } from '../../../../shared/domain/study-event';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { useAppState } from '../../app/app-state';
import { compareSelection, MAX_COMPARED } from '../../app/selection';
import { useStudy } from '../study/study-state';
import { UserEventForm } from './user-event-form';
import './research.css';

/** The last delete, kept for its undo, and the views showing it. */
let lastDeleted: DeletedEvent | null = null;
const undoListeners = new Set<(d: DeletedEvent | null) => void>();
/** Keeps a delete for the Events panel's undo bar (a delete from the chart's menu goes there too). */
export function setLastDeleted(d: DeletedEvent | null): void {
  lastDeleted = d;
  for (const l of undoListeners) l(d);
}

/** "Add event" in the Events panel, with the undo bar of the last delete. */
export function AddEventBar() {
  const { selected } = useAppState();
  const study = useStudy();
  const [adding, setAdding] = useState(false);
  const [undo, setUndo] = useState<DeletedEvent | null>(lastDeleted);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    undoListeners.add(setUndo);
    return () => {
      undoListeners.delete(setUndo);
    };
  }, []);
  return (
    <div className="add-event-bar">
      {undo && (
        <div className="undo-bar" role="status" data-testid="undo-delete">
          Deleted “{undo.event.title}”.
          <button
            type="button"
            onClick={() =>
              api.events.add(undo.restore).then(
                (e) => {
                  setLastDeleted(null);
                  study.selectEvent(e.id);
                },
                (err: unknown) => setError(describeError(err)),
              )
            }
          >
            Undo
          </button>
        </div>
      )}
      {error && <p className="form-error">{error}</p>}
      {adding ? (
        <UserEventForm
          event={null}
          defaultSymbol={selected}
          studyId={study.study?.id ?? null}
          onDone={(e) => {
            setAdding(false);
            if (e) study.selectEvent(e.id, { centre: true });
          }}
        />
      ) : (
        <button type="button" className="chip" data-testid="add-event" onClick={() => setAdding(true)}>
          + Add event
        </button>
      )}
    </div>
  );
}

/** Edit, delete (with undo), hide/show and compare for the selected event. */
export function EventActions({ event, onDeleted }: { event: EventWithT0; onDeleted?: (d: DeletedEvent) => void }) {
  const study = useStudy();
  const { setSelection } = useAppState();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const user = event.origin === 'user';
  const run = (p: Promise<unknown>) => p.catch((e: unknown) => setError(describeError(e)));
  if (editing)
    return (
      <UserEventForm event={event} defaultSymbol={null} studyId={event.studyId} onDone={() => setEditing(false)} />
    );
  const subjects = (study.study?.universe ?? [])
    .filter((u) => u.role === 'subject' && u.firstDate)
    .map((u) => u.symbol);
  const compareWith: Ticker[] = [...event.symbols.filter((s) => subjects.includes(s)), ...subjects].slice(
    0,
    MAX_COMPARED,
  );
  return (
    <div className="event-actions" data-testid="event-actions">
      {user && (
        <button type="button" onClick={() => setEditing(true)}>
          Edit
        </button>
      )}
      {user && (
        <button
          type="button"
          onClick={() =>
            run(
              api.events.delete({ id: event.id }).then((d) => {
                setLastDeleted(d);
                study.selectEvent(null);
                onDeleted?.(d);
              }),
            )
          }
        >
          Delete
        </button>
      )}
      <button type="button" onClick={() => run(api.events.setHidden({ id: event.id, hidden: !event.hidden }))}>
        {event.hidden ? 'Show on charts' : 'Hide'}
      </button>
      {compareWith.length > 1 && (
        <button
          type="button"
          title={`Rebase ${[...new Set(compareWith)].join(', ')} to 100 at this event`}
          onClick={() => setSelection(compareSelection(compareWith, { kind: 'event', eventId: event.id }))}
        >
          Compare at this event
        </button>
      )}
      {error && <p className="form-error">{error}</p>}
    </div>
  );
}
