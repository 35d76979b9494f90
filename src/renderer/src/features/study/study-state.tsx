import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Ticker } from '../../../../shared/brand';
import { EMBEDDED_STUDY_ID } from '../../../../shared/contract/study';
import type { StudyDetail } from '../../../../shared/domain/study';
import type { EventCategory, EventWithT0 } from '../../../../shared/domain/study-event';
import { api } from '../../api/client';
import { describeError } from '../../api/errors';
import { useAppState } from '../../app/app-state';
import { useDataVersions } from '../../app/data-versions-context';
import { defaultStudySymbol, eventNumbers } from './chart-events';
import { useWorkspace } from '../../app/workspace-context';

/** A request to bring an event to the middle of the chart; `seq` makes repeated requests distinct. */
export interface CentreRequest {
  readonly eventId: string;
  readonly seq: number;
}

/** The open study and what the user does with its events; shared by chart, panels and sidebar. */
export interface StudyState {
  readonly status: 'loading' | 'ready' | 'absent' | 'error';
  /** Why the study could not be read (status `error`). */
  readonly error: string | null;
  readonly study: StudyDetail | null;
  /** Event id → its number in the study's timeline (markers and the events panel show it). */
  readonly numbers: ReadonlyMap<string, number>;
  /** Categories the user has hidden (from the events panel and the chart alike). */
  readonly hiddenCategories: ReadonlySet<EventCategory>;
  toggleCategory(category: EventCategory): void;
  showAllCategories(): void;
  readonly selectedEventId: string | null;
  readonly selectedEvent: EventWithT0 | null;
  /** Selects an event (null clears); with `centre`, the chart brings it to the middle. */
  selectEvent(eventId: string | null, options?: { readonly centre?: boolean }): void;
  readonly centreRequest: CentreRequest | null;
  /** A one-line announcement for screen readers (event navigation), polite. */
  readonly announcement: string;
  announce(message: string): void;
  /** Study symbols, for the sidebar split between the study universe and other instruments. */
  readonly universeSymbols: ReadonlySet<Ticker>;
  /**
   * Opens another stored study (picked in the toolbar, imported, created, or saved from an
   * article), charts its default symbol, and remembers it for the next launch. Once it has
   * loaded, the status bar shows `options.status` (what the action that opened it did, such
   * as an import's result) or else the study's summary, so one message never replaces the other.
   */
  openStudy(id: string, options?: { readonly status?: string }): void;
}

const StudyContext = createContext<StudyState | null>(null);

/**
 * Loads the study the user last opened (else the embedded one, else the first stored) through the bridge, re-reads it when
 * cached prices change (T0s depend on the cached calendar), and on first load charts the
 * study's default symbol unless the user already picked one.
 */
export function StudyProvider({ children }: { children: ReactNode }) {
  const { selectDefault, setStatus } = useAppState();
  const versions = useDataVersions();
  // T0s depend on the cached calendar (bars); the study itself on studies and events.
  const dataVersion = [versions.kinds.bars, versions.kinds.studies, versions.kinds.events].join(',');
  const [study, setStudy] = useState<StudyDetail | null>(null);
  const [status, setLoadStatus] = useState<StudyState['status']>('loading');
  const [error, setError] = useState<string | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<EventCategory>>(new Set());
  const [selectedEventId, setSelectedEventId] = useState<string | null>(null);
  const [centreRequest, setCentreRequest] = useState<CentreRequest | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const openedOnce = useRef(false);
  // The status line of the action that opened the study, shown when its load finishes.
  const openStatus = useRef<string | null>(null);
  // The study the user opened last time, from the workspace (else the embedded one, else the first stored).
  const workspace = useWorkspace();
  const [studyId, setStudyId] = useState<string | null>(() => workspace.initial.studyId ?? null);
  const rememberWorkspace = workspace.remember;
  // The latest app-state callbacks, for the load effect that runs only when data changes.
  const app = useRef({ selectDefault, setStatus });
  useEffect(() => {
    app.current = { selectDefault, setStatus };
  }, [selectDefault, setStatus]);

  useEffect(() => {
    let live = true;
    (async () => {
      const list = await api.studies.list();
      const pick = list.find((s) => s.id === studyId) ?? list.find((s) => s.id === EMBEDDED_STUDY_ID) ?? list[0];
      if (!pick) return null;
      return api.studies.get({ id: pick.id });
    })().then(
      (detail) => {
        if (!live) return;
        setStudy(detail);
        setLoadStatus(detail ? 'ready' : 'absent');
        setError(null);
        if (!openedOnce.current) {
          openedOnce.current = true;
          app.current.selectDefault(detail ? defaultStudySymbol(detail.universe, detail.events) : null);
          const opened = openStatus.current;
          openStatus.current = null;
          if (opened) app.current.setStatus(opened);
          else if (detail)
            app.current.setStatus(
              `Study “${detail.title}”: ${detail.events.length} events, ${detail.claims.length} claims`,
            );
        }
      },
      (e: unknown) => {
        if (!live) return;
        if (!openedOnce.current) {
          openedOnce.current = true;
          app.current.selectDefault(null);
          if (openStatus.current) app.current.setStatus(openStatus.current);
          openStatus.current = null;
        }
        setLoadStatus('error');
        setError(describeError(e));
      },
    );
    return () => {
      live = false;
    };
  }, [dataVersion, studyId]);

  const openStudy = useCallback(
    (id: string, options?: { readonly status?: string }) => {
      // The next load charts the opened study's default symbol, as on first launch.
      openedOnce.current = false;
      openStatus.current = options?.status ?? null;
      setSelectedEventId(null);
      setStudyId(id);
      rememberWorkspace({ studyId: id });
    },
    [rememberWorkspace],
  );

  const toggleCategory = useCallback((c: EventCategory) => {
    setHidden((cur) => {
      const next = new Set(cur);
      if (!next.delete(c)) next.add(c);
      return next;
    });
  }, []);
  const showAllCategories = useCallback(() => setHidden(new Set()), []);
  const seq = useRef(0);
  const selectEvent = useCallback((eventId: string | null, options?: { readonly centre?: boolean }) => {
    setSelectedEventId(eventId);
    if (eventId && options?.centre) setCentreRequest({ eventId, seq: ++seq.current });
  }, []);

  const value = useMemo<StudyState>(() => {
    const events = study?.events ?? [];
    return {
      status,
      error,
      study,
      numbers: eventNumbers(events),
      hiddenCategories: hidden,
      toggleCategory,
      showAllCategories,
      selectedEventId,
      selectedEvent: events.find((e) => e.id === selectedEventId) ?? null,
      selectEvent,
      centreRequest,
      announcement,
      announce: setAnnouncement,
      universeSymbols: new Set(study?.universe.map((u) => u.symbol) ?? []),
      openStudy,
    };
  }, [
    status,
    error,
    study,
    hidden,
    toggleCategory,
    showAllCategories,
    selectedEventId,
    selectEvent,
    centreRequest,
    announcement,
    openStudy,
  ]);
  return <StudyContext.Provider value={value}>{children}</StudyContext.Provider>;
}

export function useStudy(): StudyState {
  const s = useContext(StudyContext);
  if (!s) throw new Error('useStudy outside StudyProvider');
  return s;
}
