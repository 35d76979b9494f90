import { InstrumentList } from '../instruments/instrument-list';
import { StudyUniverse } from './study-universe';
import { useStudy } from './study-state';

/** The sidebar's instrument lists: the open study's universe first, then every other cached symbol. */
export function StudySidebar() {
  const { study, universeSymbols } = useStudy();
  if (!study) {
    return (
      <>
        <h2>Instruments</h2>
        <InstrumentList />
      </>
    );
  }
  return (
    <>
      <StudyUniverse />
      <div className="sidebar-other">
        <h2>Other instruments</h2>
        <InstrumentList exclude={universeSymbols} label="Other instruments" />
      </div>
    </>
  );
}
