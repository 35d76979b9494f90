import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-db';

const tmp = useTempDir();
const ROOT = resolve(import.meta.dirname, '..', '..', '..');

describe('catalyst seed', () => {
  it('seeds an empty database through the installed command, then reports nothing to do', async () => {
    const db = tmp.dbPath();
    const run = promisify(execFile);
    const bin = join(ROOT, 'bin', 'catalyst.mjs');
    const first = await run(process.execPath, [bin, '--db', db, '--json', 'seed']);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({
      studyId: 'china-tech-rally-2025',
      revision: 2,
      study: 'inserted',
      bars: { inserted: 5971 },
      events: { inserted: 31, removed: 0, skipped: [] },
      claims: { inserted: 6, removed: 0 },
      changed: true,
    });
    expect(report.instruments.inserted).toHaveLength(15);
    const second = await runCli(['--db', db, '--json', 'seed']);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({
      study: 'unchanged',
      changed: false,
      bars: { inserted: 0 },
      instruments: { inserted: [], updated: [] },
    });
  });

  it('prints a human summary', async () => {
    const r = await runCli(['--db', tmp.dbPath(), 'seed']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^study china-tech-rally-2025 \(revision 2\): inserted\ninstruments: 15 inserted/);
    expect(r.stdout).toMatch(/bars: 5971 inserted \(9988\.HK 338, BABA 361,/);
    const again = await runCli(['--db', tmp.dbPath(), 'seed']);
    expect(again.stdout).toMatch(/nothing to do: already seeded\n$/);
  });

  it('refuses arguments it does not take', async () => {
    const r = await runCli(['--db', tmp.dbPath(), 'seed', '--force']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Unknown option '--force'/);
  });
});
