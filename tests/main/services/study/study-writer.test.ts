import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StudyWriter } from '../../../../src/main/services/study/study-writer';
import { parseStudyFile, type StudyFile } from '../../../../src/shared/domain/study';
import { useTempDir } from '../../../helpers/temp-db';
import { openStudyHarness, RESOURCES, type StudyHarness } from './study-harness';

const temp = useTempDir();
let h: StudyHarness | null = null;
afterEach(() => {
  h?.db.close();
  h = null;
});

function shipped(): StudyFile {
  const r = parseStudyFile(readFileSync(join(RESOURCES, 'studies', 'china-tech-rally-2025.study.json'), 'utf8'));
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.study;
}

const origins = (h: StudyHarness, table: 'events' | 'claims', studyId: string) =>
  h.db
    .prepare<[string], { origin: string; n: number }>(
      `SELECT origin, count(*) AS n FROM ${table} WHERE study_id = ? GROUP BY origin ORDER BY origin`,
    )
    .all(studyId);

describe('StudyWriter', () => {
  it('writes a user study whole, then replaces only its own rows on a rewrite', () => {
    h = openStudyHarness(temp.dbPath());
    const writer = new StudyWriter(h.repos);
    const file = { ...shipped(), id: 'my-study', title: 'Mine' };
    const first = h.db.transaction(() => writer.write(file, 'user'))();
    expect(first.events).toEqual({ inserted: file.events.length, removed: 0, skipped: [] });
    expect(first.claims).toEqual({ inserted: file.claims.length, removed: 0, skipped: [] });
    expect(h.study.getStudy('my-study')).toMatchObject({
      id: 'my-study',
      title: 'Mine',
      origin: 'user',
      universe: expect.arrayContaining([expect.objectContaining({ symbol: 'HSTECH.HK' })]),
    });
    expect(origins(h, 'events', 'my-study')).toEqual([{ origin: 'user', n: file.events.length }]);

    // A smaller revision: events and claims no longer in the file are removed, the order is the file's.
    const smaller = { ...file, events: file.events.slice(0, 3), claims: file.claims.slice(0, 1) };
    const second = h.db.transaction(() => writer.write(smaller, 'user'))();
    expect(second.events).toEqual({ inserted: 3, removed: file.events.length, skipped: [] });
    expect(h.study.listEvents({ studyId: 'my-study' }).map((e) => e.id)).toEqual(
      [...smaller.events].sort((a, b) => a.date.localeCompare(b.date)).map((e) => e.id),
    );
    expect(origins(h, 'claims', 'my-study')).toEqual([{ origin: 'user', n: 1 }]);
  });

  it('never touches rows of the other origin: their ids are skipped and reported', () => {
    h = openStudyHarness(temp.dbPath());
    const writer = new StudyWriter(h.repos);
    const file = shipped();
    const mine = { ...file, events: file.events.slice(0, 2), claims: file.claims.slice(0, 1) };
    h.db.transaction(() => writer.write(mine, 'user'))();
    const seeded = h.db.transaction(() => writer.write(file, 'seed'))();
    expect(seeded.events.skipped).toEqual(mine.events.map((e) => e.id));
    expect(seeded.claims.skipped).toEqual([mine.claims[0]!.id]);
    expect(seeded.events.inserted).toBe(file.events.length - 2);
    expect(origins(h, 'events', file.id)).toEqual([
      { origin: 'seed', n: file.events.length - 2 },
      { origin: 'user', n: 2 },
    ]);
  });
});
