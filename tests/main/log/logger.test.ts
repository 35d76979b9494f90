import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/main/app/create-core';
import { createLogger, rotatingFileSink, streamSink } from '../../../src/main/log/logger';
import { asTicker } from '../../../src/shared/brand';
import { useTempDir } from '../../helpers/temp-db';

const tmp = useTempDir();
const at = () => new Date('2026-11-28T05:00:00.000Z');

describe('logger', () => {
  it('writes one line per record with time, level and scope; below the minimum level is dropped', () => {
    const path = join(tmp.dir(), 'logs', 'catalyst.log');
    const log = createLogger([rotatingFileSink({ path })], 'main', at);
    log.debug('not written');
    log.info('starting');
    log.child('sync').warn('9988.HK from Yahoo Finance: HTTP 503; attempt 2 in 1000 ms');
    log.error('failed', new Error('boom'));
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines[0]).toBe('2026-11-28T05:00:00.000Z INFO  [main] starting');
    expect(lines[1]).toBe(
      '2026-11-28T05:00:00.000Z WARN  [sync] 9988.HK from Yahoo Finance: HTTP 503; attempt 2 in 1000 ms',
    );
    expect(lines[2]).toBe('2026-11-28T05:00:00.000Z ERROR [main] failed: Error: boom');
    // The stack follows, indented.
    expect(lines[3]).toMatch(/^\s+at /);
  });

  it('rotates by size and keeps the newest files', () => {
    const path = join(tmp.dir(), 'catalyst.log');
    const log = createLogger([rotatingFileSink({ path, maxBytes: 200, keep: 2 })], 'main', at);
    for (let i = 0; i < 20; i++) log.info(`record ${String(i).padStart(2, '0')} ${'x'.repeat(40)}`);
    const current = readFileSync(path, 'utf8');
    expect(current).toContain('record 19');
    expect(current.length).toBeLessThanOrEqual(200);
    expect(readFileSync(join(tmp.dir(), 'catalyst.1.log'), 'utf8')).toMatch(/record 1[4-7]/);
    expect(existsSync(join(tmp.dir(), 'catalyst.2.log'))).toBe(true);
    expect(existsSync(join(tmp.dir(), 'catalyst.3.log'))).toBe(false);
    // Nothing lost between the files kept: the last records are in order across them.
    const kept = [join(tmp.dir(), 'catalyst.2.log'), join(tmp.dir(), 'catalyst.1.log'), path]
      .map((p) => readFileSync(p, 'utf8'))
      .join('')
      .match(/record \d+/g)!;
    expect(kept.at(-1)).toBe('record 19');
    expect(kept).toEqual([...kept].sort());
  });

  it('never throws when the file cannot be written', () => {
    const log = createLogger([rotatingFileSink({ path: join(tmp.dir(), 'catalyst.log', 'x', 'y.log') })]);
    expect(() => log.info('lost')).not.toThrow();
  });

  it('the core logs migrations and imports', () => {
    const lines: string[] = [];
    const core = createCore({ dbPath: tmp.dbPath(), log: createLogger([streamSink((t) => lines.push(t))]) });
    core.services.market.importBarsCsv(asTicker('BIDU'), 'date,close\n2025-01-02,80\n2025-01-03,81\n');
    void core.close();
    expect(lines.join('')).toMatch(/\[migrate\] .*applied migration\(s\) 1, 2, 3, 4/);
    expect(lines.join('')).toMatch(
      /\[import\] BIDU: imported a bars CSV of 2 row\(s\), 2025-01-02 → 2025-01-03; 2 new or changed/,
    );
  });
});
