import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StudyWriter } from '../../../../src/main/services/study/study-writer';
import { parseStudyFile, type StudyFile } from '../../../../src/shared/domain/study';
import { planStudyImport, type ImportBaseline } from '../../../../src/shared/domain/study-transfer/import-plan';
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

describe('StudyWriter.add (study import, create, save from an article)', () => {
  it('adds a planned study, then appends a merge after the stored rows, removing nothing', () => {
    h = openStudyHarness(temp.dbPath());
    const writer = new StudyWriter(h.repos);
    const file = { ...shipped(), id: 'added', title: 'Added' };
    const baseline = (): ImportBaseline => ({
      study: null,
      studyExists: (id) => h!.repos.studies.stored(id) !== null,
      eventOwner: (id) => {
        const o = h!.repos.events.owner(id);
        return o ? o.studyId : undefined;
      },
    });
    const first = planStudyImport(
      { ...file, events: file.events.slice(0, 4), claims: file.claims.slice(0, 2) },
      baseline(),
    );
    const report = h.db.transaction(() => writer.add(first.write))();
    expect(report).toEqual({ studyRows: 1 + file.universe.length, events: 4, claims: 2 });
    expect(origins(h, 'events', 'added')).toEqual([{ origin: 'user', n: 4 }]);

    const content = {
      header: h.repos.studies.get('added')!,
      universe: h.repos.studies.universe('added'),
      events: h.repos.events.list({ studyId: 'added' }),
      claims: h.repos.claims.list('added'),
    };
    const merge = planStudyImport(file, { ...baseline(), study: content }, { mode: 'merge' });
    expect(merge.target).toBe('merge');
    const second = h.db.transaction(() => writer.add(merge.write))();
    expect(second).toEqual({ studyRows: 0, events: file.events.length - 4, claims: file.claims.length - 2 });
    expect(origins(h, 'events', 'added')).toEqual([{ origin: 'user', n: file.events.length }]);
    expect(origins(h, 'claims', 'added')).toEqual([{ origin: 'user', n: file.claims.length }]);
    // Positions continue the study's order: the first four keep 0..3, the merged ones follow.
    const positions = h.db
      .prepare<[string], { id: string; position: number }>(
        'SELECT id, position FROM events WHERE study_id = ? ORDER BY position',
      )
      .all('added');
    expect(positions.map((p) => p.position)).toEqual(file.events.map((_, i) => i));
    expect(positions.slice(0, 4).map((p) => p.id)).toEqual(file.events.slice(0, 4).map((e) => e.id));
  });

  it('a taken id fails the insert, so the caller’s transaction rolls back whole', () => {
    h = openStudyHarness(temp.dbPath());
    const writer = new StudyWriter(h.repos);
    const file = { ...shipped(), id: 'added' };
    const plan = planStudyImport(file, {
      study: null,
      studyExists: () => false,
      eventOwner: () => undefined,
    });
    h.db.transaction(() => writer.write({ ...file, id: 'holder', claims: [] }, 'seed'))();
    const before = h.db.prepare('SELECT count(*) AS n FROM events').get();
    expect(() => h!.db.transaction(() => writer.add(plan.write))()).toThrow();
    expect(h.db.prepare('SELECT count(*) AS n FROM events').get()).toEqual(before);
    expect(h.repos.studies.stored('added')).toBeNull();
  });
});
