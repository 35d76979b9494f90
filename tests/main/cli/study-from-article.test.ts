import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-db';

const tmp = useTempDir();
const ARTICLE = resolve(import.meta.dirname, '..', '..', '..', 'resources', 'articles', 'article-china-tech-2025.txt');
const FIXTURES = resolve(import.meta.dirname, '..', '..', 'fixtures', 'articles');
/** Saving goes through the study-files feature's import; until a build has it, only the proposal is tested. */
const HAS_STUDY_IMPORT = existsSync(
  resolve(import.meta.dirname, '..', '..', '..', 'src', 'main', 'services', 'study', 'study-file-service.ts'),
);

describe('catalyst study from-article', () => {
  it('prints the proposal with the issue’s field names, linked to the seeded library', async () => {
    const r = await runCli([
      '--db',
      tmp.dbPath(),
      '--json',
      'study',
      'from-article',
      ARTICLE,
      '--date',
      '2025-03-14',
      '--dry-run',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(Object.keys(p)).toEqual(['source', 'universe', 'events', 'claims', 'warnings']);
    expect(p.source).toMatchObject({
      title: 'Why China tech stocks are up 30% in 2025',
      author: 'Wang Choon Leo, CFA',
      date: '2025-03-14',
    });
    for (const u of p.universe)
      expect(u).toEqual(
        expect.objectContaining({ symbol: expect.any(String), words: expect.any(Array), role: expect.any(String) }),
      );
    for (const e of p.events)
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['date', 'precision', 'quote', 'symbols', 'category']));
    for (const c of p.claims)
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['quote', 'metric', 'symbols', 'checkable', 'reason']));
    expect(p.events.map((e: { date: string; precision: string }) => [e.date, e.precision])).toEqual([
      ['2025-02-01', 'month'],
      ['2025-01-20', 'range'],
      ['2025-01-28', 'day'],
      ['2025-02-11', 'day'],
    ]);
    expect(p.events[2].link).toMatchObject({ studyId: 'china-tech-rally-2025', eventId: 'qwen25-max-release' });
  });

  it('reads HTML and Markdown files and prints a human summary', async () => {
    const r = await runCli([
      '--db',
      tmp.dbPath(),
      'study',
      'from-article',
      join(FIXTURES, 'deepseek-week.html'),
      '--dry-run',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '“DeepSeek week: how a Chinese model knocked $1 trillion off US tech” by Daniel Okafor, Lower Manhattan Review — 2025-01-31 (json-ld)',
    );
    expect(r.stdout).toMatch(/\? \^IXIC \| \^NDX \| NDAQ/);
    expect(r.stdout).toContain('! “Nasdaq” may mean ^IXIC, ^NDX, NDAQ: choose one.');
  });

  it('refuses a bad date, a missing file, and an empty article with one-line messages', async () => {
    const bad = await runCli([
      '--db',
      tmp.dbPath(),
      'study',
      'from-article',
      ARTICLE,
      '--date',
      '2025-02-30',
      '--dry-run',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--date');
    const missing = await runCli([
      '--db',
      tmp.dbPath(),
      'study',
      'from-article',
      join(tmp.dir(), 'nope.txt'),
      '--dry-run',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.txt');
    const empty = join(tmp.dir(), 'empty.txt');
    writeFileSync(empty, '\n\n');
    const e = await runCli(['--db', tmp.dbPath(), 'study', 'from-article', empty, '--dry-run']);
    expect(e.code).toBe(1);
    expect(e.stderr).toMatch(/empty|no text/);
  });

  it.runIf(HAS_STUDY_IMPORT)(
    'saves the study through the import path without --dry-run, then its claims evaluate',
    async () => {
      const db = tmp.dbPath();
      const r = await runCli(['--db', db, '--json', 'study', 'from-article', ARTICLE, '--date', '2025-03-14']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.saved).toMatchObject({ studyId: 'why-china-tech-stocks-are-up-30-in-2025', target: 'new' });
      const events = JSON.parse((await runCli(['--db', db, '--json', 'events', '--study', out.saved.studyId])).stdout);
      expect(events.map((e: { date: string }) => e.date)).toEqual([
        '2025-01-20',
        '2025-01-28',
        '2025-02-01',
        '2025-02-11',
      ]);
      const claims = JSON.parse((await runCli(['--db', db, '--json', 'claims', '--study', out.saved.studyId])).stdout);
      const verdict = (kind: string, symbol: string) =>
        claims
          .find(
            (c: { results: { symbol: string }[]; id: string }) =>
              c.id.includes(kind) && c.results.some((x) => x.symbol === symbol),
          )
          ?.results.find((x: { symbol: string }) => x.symbol === symbol)?.verdict;
      expect(verdict('pct-ytd', 'HSTECH.HK')).toBe('holds');
      expect(verdict('pct-within-after-event', '9988.HK')).toBe('holds');
      // The same article again: a copy, never an overwrite.
      const again = JSON.parse(
        (await runCli(['--db', db, '--json', 'study', 'from-article', ARTICLE, '--date', '2025-03-14'])).stdout,
      );
      expect(again.saved.target).toBe('copy');
      expect(again.saved.studyId).not.toBe(out.saved.studyId);
    },
  );
});
