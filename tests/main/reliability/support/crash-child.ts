/**
 * A separate process that writes in a loop until it is SIGKILLed (crash-safety test).
 * Arguments: mode (watchlist | bars | backup | study) dbPath. After each commit it prints
 * `ok <i>`; the parent kills it at a random point and checks that every acknowledged write
 * is there, whole, and that no write is there in part.
 */
import { createCore } from '../../../../src/main/app/create-core';
import { createBackup } from '../../../../src/main/db/backup';
import { prepareDatabase } from '../../../../src/main/db/recovery';
import { asTicker } from '../../../../src/shared/brand';
import { EMBEDDED_STUDY_ID } from '../../../../src/shared/contract/study';

interface StudyFileJson {
  readonly events: ReadonlyArray<{ readonly id: string }>;
  readonly [key: string]: unknown;
}

const [mode, dbPath] = process.argv.slice(2) as [string, string];
export const ROWS = 60;
await prepareDatabase(dbPath);
// The study mode imports copies of the embedded study: seeded once (cheap on later starts).
const core = createCore({ dbPath, seedOnOpen: mode === 'study' });
/** The embedded study as a file, re-keyed per write so each import adds a whole new study. */
const studyFile =
  mode === 'study'
    ? (JSON.parse(core.services.studyFiles.exportStudy(EMBEDDED_STUDY_ID).content) as StudyFileJson)
    : null;
function studyCopy(i: number): string {
  const f = studyFile!;
  // New event ids (claims refer to events by id, so every quoted occurrence changes).
  let text = JSON.stringify({ ...f, id: `crash-${i}`, title: `Crash copy ${i}` });
  for (const e of f.events) text = text.replaceAll(`"${e.id}"`, `"${e.id}-c${i}"`);
  return text;
}
const symbols = Array.from({ length: ROWS }, (_, k) => `S${k}`).join('\n');
const csv = ['Date,Open,High,Low,Close,Volume'];
for (let d = 0; d < ROWS * 5; d++) {
  const date = new Date(Date.UTC(2000, 0, 3) + d * 86_400_000).toISOString().slice(0, 10);
  csv.push(`${date},1,2,0.5,1.5,${d}`);
}
const bars = csv.join('\n');
const start = Number(process.env.CRASH_START ?? 0);
process.stdout.write('ready\n');
for (let i = start; ; i++) {
  if (mode === 'watchlist') {
    core.services.watchlists.import({ fileName: 'l.txt', text: symbols }, { mode: 'new', name: `L${i}` });
  } else if (mode === 'bars') {
    core.services.market.importBarsCsv(asTicker(`B${i}`), bars);
  } else if (mode === 'study') {
    core.services.studyFiles.import(studyCopy(i));
  } else {
    core.services.watchlists.import({ fileName: 'l.txt', text: symbols }, { mode: 'new', name: `L${i}` });
    await createBackup(core.db, dbPath, 'manual', new Date(Date.UTC(2026, 0, 1, 0, 0, i)));
  }
  process.stdout.write(`ok ${i}\n`);
  // Let the parent's kill land anywhere, also between writes.
  if (i % 4 === 0) await new Promise((r) => setImmediate(r));
}
