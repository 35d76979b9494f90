import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-db';

const tmp = useTempDir();

describe('catalyst study export / import / create', () => {
  it('exports a study to a file, dry-runs and imports it into an empty database, and reports each item', async () => {
    const a = join(tmp.dir(), 'a.db');
    const out = join(tmp.dir(), 'study.catalyst.json');
    const ex = await runCli(['--db', a, '--json', 'study', 'export', 'china-tech-rally-2025', '--out', out]);
    expect(ex.code, ex.stderr).toBe(0);
    expect(JSON.parse(ex.stdout)).toMatchObject({ studyId: 'china-tech-rally-2025', file: out });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ format: 'catalyst-study', version: 1 });

    const b = join(tmp.dir(), 'b.db');
    const dry = await runCli(['--db', b, '--json', 'study', 'import', out, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    const preview = JSON.parse(dry.stdout) as {
      dryRun: boolean;
      target: string;
      counts: { new: number; written: number };
    };
    expect(preview).toMatchObject({ dryRun: true, target: 'new', study: null });
    expect(preview.counts.new).toBe(1 + 15 + 31 + 6);
    // Nothing was written: the same dry run still sees a new study.
    expect(JSON.parse((await runCli(['--db', b, '--json', 'study', 'import', out, '--dry-run'])).stdout)).toMatchObject(
      {
        target: 'new',
      },
    );

    const imp = await runCli(['--db', b, 'study', 'import', out]);
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.stdout).toMatch(/new\s+add\s+event\s+qwen25-max-release/);
    expect(imp.stdout).toMatch(
      /53 new, 0 already there, 0 conflict\(s\); imported as "china-tech-rally-2025": 53 row\(s\)/,
    );
    const again = await runCli(['--db', b, 'study', 'import', out]);
    expect(again.stdout).toMatch(/already here, identical: nothing to import/);
    const reexport = await runCli(['--db', b, 'study', 'export', 'china-tech-rally-2025']);
    expect(`${reexport.stdout}`).toBe(readFileSync(out, 'utf8'));
  });

  it('refuses a file that is not a study, naming the problem, with exit 1', async () => {
    const db = join(tmp.dir(), 'a.db');
    const bad = join(tmp.dir(), 'bad.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bad, '{"format":"catalyst-watchlist","version":1}');
    const r = await runCli(['--db', db, '--json', 'study', 'import', bad]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr).error.message).toMatch(/not a Catalyst study file/);
    const missing = await runCli(['--db', db, 'study', 'import', join(tmp.dir(), 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*ENOENT/);
  });

  it('creates a study from scratch and refuses one without a universe', async () => {
    const db = join(tmp.dir(), 'a.db');
    const r = await runCli([
      '--db',
      db,
      '--json',
      'study',
      'create',
      '--title',
      'Japan chip rally',
      '--source-title',
      'Why Japanese chip stocks doubled',
      '--url',
      'https://example.com/chips',
      '--subjects',
      '8035.T, 6857.t',
      '--benchmarks',
      '^N225',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'japan-chip-rally', subjects: 2, benchmarks: 1 });
    const none = await runCli(['--db', db, 'study', 'create', '--title', 'x', '--source-title', 'y']);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/universe/);
  });
});
