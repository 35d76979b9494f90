import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { asIsoDate } from '../../../../src/shared/brand';
import { toBar, type Bar } from '../../../../src/shared/domain/bar';

const FIXTURES = resolve(import.meta.dirname, '..', '..', '..', 'fixtures', 'renderer');

/**
 * Bars of a real price file under tests/fixtures/renderer (copies of shared data rows, with
 * their placeholder rows), parsed the plain way: these tests are about the renderer's maths,
 * not the CSV importer.
 */
export function fixtureBars(file: string): Bar[] {
  const lines = readFileSync(join(FIXTURES, file), 'utf8').trim().split('\n');
  const header = lines.shift()!.split(',');
  return lines.map((line) => {
    const cells = Object.fromEntries(line.split(',').map((v, i) => [header[i], v]));
    const num = (k: string) => (cells[k] === undefined || cells[k] === '' ? null : Number(cells[k]));
    return toBar({
      date: asIsoDate(cells.date!),
      open: num('open'),
      high: num('high'),
      low: num('low'),
      close: Number(cells.close),
      adjClose: null,
      volume: num('volume'),
    });
  });
}
