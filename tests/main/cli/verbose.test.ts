import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-db';

const tmp = useTempDir();
const FIXTURE = resolve(import.meta.dirname, '..', '..', 'fixtures', 'market', '1810.HK.csv');

describe('catalyst --verbose', () => {
  it('logs migrations and imports to stderr; without it stderr stays empty', async () => {
    const db = join(tmp.dir(), 'c.db');
    const verbose = await runCli(['--db', db, '--verbose', 'import-bars', FIXTURE, '--symbol', '1810.HK']);
    expect(verbose.code).toBe(0);
    expect(verbose.stderr).toMatch(/^\S+ INFO {2}\[migrate\] .*applied migration\(s\) 1, 2, 3, 4/m);
    expect(verbose.stderr).toMatch(/INFO {2}\[import\] 1810\.HK: imported a bars CSV of \d+ row\(s\)/);
    const quiet = await runCli(['--db', db, 'import-bars', FIXTURE, '--symbol', '1810.HK']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
  });
});
