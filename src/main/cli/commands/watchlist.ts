import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { CatalystError } from '../../../shared/contract/errors';
import type { ImportPreview } from '../../../shared/contract/watchlists';
import { watchlistExportFormats } from '../../../shared/domain/watchlist/model';
import { readImportFile } from '../../services/watchlists/read-import-file';
import { optionalArg, requireArg } from '../args';
import type { Command } from '../command';
import { watchlistImportSpec, watchlistExportSpec, watchlistListSpec } from './specs';

const nameSchema = z.string().trim().min(1, { message: 'must not be empty' });

function lineTable(p: ImportPreview): string {
  const rows = p.lines.map((l) => [
    l.entry !== null ? `${l.line}:${l.entry}` : String(l.line),
    l.input.length > 28 ? `${l.input.slice(0, 27)}…` : l.input,
    l.kind === 'section' ? `### ${l.section ?? ''}` : (l.symbol ?? '-'),
    l.kind === 'item' ? (l.section ?? '') : '',
    l.status,
    l.status === 'error'
      ? (l.error ?? '')
      : l.status === 'duplicate'
        ? l.duplicateOf
          ? `also on line ${l.duplicateOf}${l.duplicateOfEntry !== null ? `, entry ${l.duplicateOfEntry}` : ''}`
          : 'already in the list'
        : l.kind === 'item' && !l.cached
          ? 'not cached'
          : '',
  ]);
  const head = [
    p.lines.some((l) => l.entry !== null) ? 'line:entry' : 'line',
    'input',
    'symbol',
    'section',
    'status',
    '',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [head, ...rows]
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * `catalyst watchlist import FILE [--name NAME] [--merge] [--dry-run]`. With `--json` prints
 * `{"name","format","items":[{"line","entry","input","symbol","section","status","error","duplicateOf","duplicateOfEntry"}],"imported","notices","ignoredColumns"}`.
 * Exit 0 when every line is valid, 2 when some lines are errors (the valid ones are imported),
 * 1 when the file is rejected, the name is taken, or the `--merge` target does not exist.
 */
export const watchlistImportCommand: Command = {
  ...watchlistImportSpec,
  async run(ctx) {
    const file = requireArg(ctx, 0, 'FILE');
    const givenName = optionalArg(ctx.flags.name, '--name', nameSchema);
    const merge = ctx.flags.merge === true;
    const dryRun = ctx.flags['dry-run'] === true;
    const importFile = readImportFile(resolve(ctx.cwd, file), file);
    const service = ctx.core().services.watchlists;
    let name = givenName ?? service.preview(importFile).defaultName;
    let targetId: number | undefined;
    if (merge) {
      const target = service.findByName(name);
      if (!target)
        throw new CatalystError(
          'not-found',
          `There is no watchlist named "${name}" to merge into (drop --merge to create it).`,
        );
      targetId = target.id;
      name = target.name;
    }
    let preview: ImportPreview;
    let imported = 0;
    let uncached: readonly string[] = [];
    if (dryRun) {
      preview = service.preview(importFile, targetId);
      if (!merge) {
        const clash = service.findByName(name);
        if (clash)
          throw new CatalystError(
            'conflict',
            `A watchlist named "${clash.name}" already exists: choose another --name, or use --merge.`,
          );
      }
    } else {
      const result = service.import(
        importFile,
        targetId !== undefined ? { mode: 'merge', targetId } : { mode: 'new', name },
      );
      preview = result;
      imported = result.imported;
      uncached = result.uncached;
      if (result.watchlist) name = result.watchlist.name;
    }
    const items = preview.lines.map((l) => ({
      line: l.line,
      entry: l.entry,
      input: l.input,
      symbol: l.symbol,
      section: l.section,
      status: l.status,
      error: l.error,
      duplicateOf: l.duplicateOf,
      duplicateOfEntry: l.duplicateOfEntry,
    }));
    const { notices, ignoredColumns } = preview;
    ctx.print({ name, format: preview.format, items, imported, notices, ignoredColumns }, () => {
      const c = preview.counts;
      const verb = dryRun ? 'would import' : 'imported';
      const summary = `${preview.format} file; ${c.ok} ok, ${c.duplicate} duplicate, ${c.error} error(s). ${dryRun ? `Dry run: nothing written (${verb} ${c.ok} into "${name}").` : `${imported} symbol(s) ${verb} into "${name}".`}`;
      const hint = uncached.length
        ? `\n${uncached.length} symbol(s) have no cached prices yet: catalyst sync --symbols ${uncached.slice(0, 20).join(',')}${uncached.length > 20 ? ',…' : ''}`
        : '';
      const notes = [
        ...notices,
        ...(ignoredColumns.length
          ? [`not kept (a watchlist holds symbols and notes): ${ignoredColumns.join(', ')}`]
          : []),
      ];
      return `${lineTable(preview)}\n${summary}${notes.map((n) => `\n${n}`).join('')}${hint}`;
    });
    if (preview.counts.error === 0) return 0;
    // A dry run is a check of the file: it did its whole job when every line was read and
    // reported, so error lines are 2 whatever the count of valid ones. A real import with no
    // valid line imported nothing: a failed command (1), 2 only for a partial import.
    if (dryRun) return 2;
    return preview.counts.ok + preview.counts.duplicate + preview.counts.sections > 0 ? 2 : 1;
  },
};

/** `catalyst watchlist export NAME --format tradingview|csv|json [--out FILE]`: prints the file, or writes it. */
export const watchlistExportCommand: Command = {
  ...watchlistExportSpec,
  async run(ctx) {
    const name = requireArg(ctx, 0, 'NAME', nameSchema);
    const format = optionalArg(
      ctx.flags.format,
      '--format',
      z.enum(watchlistExportFormats, { message: 'must be tradingview, csv or json' }),
    );
    if (!format) throw new CatalystError('invalid-input', '--format is required: tradingview, csv or json');
    const out = optionalArg(ctx.flags.out, '--out', nameSchema);
    const service = ctx.core().services.watchlists;
    const list = service.findByName(name);
    if (!list)
      throw new CatalystError('not-found', `There is no watchlist named "${name}" (see: catalyst watchlist list).`);
    const file = service.export(list.id, format);
    if (out) {
      const path = resolve(ctx.cwd, out);
      try {
        writeFileSync(path, file.content, 'utf8');
      } catch (e) {
        throw new CatalystError(
          'invalid-input',
          `Cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
        );
      }
      const bytes = Buffer.byteLength(file.content, 'utf8');
      ctx.print({ name: list.name, format, file: path, bytes, warnings: file.warnings }, () =>
        [`Wrote ${bytes} bytes to ${path}`, ...file.warnings.map((w) => `warning: ${w}`)].join('\n'),
      );
      return 0;
    }
    if (ctx.json) {
      ctx.print(
        {
          name: list.name,
          format,
          fileName: file.fileName,
          mimeType: file.mimeType,
          content: file.content,
          warnings: file.warnings,
        },
        () => '',
      );
    } else {
      ctx.out(file.content.replace(/\r?\n$/, ''));
      for (const w of file.warnings) ctx.err(`warning: ${w}`);
    }
    return 0;
  },
};

/** `catalyst watchlist list`: every live list with its counts. */
export const watchlistListCommand: Command = {
  ...watchlistListSpec,
  async run(ctx) {
    const lists = ctx.core().services.watchlists.list();
    ctx.print(lists, () => {
      if (lists.length === 0) return 'No watchlists yet (catalyst watchlist import FILE).';
      const width = Math.max(4, ...lists.map((l) => l.name.length));
      return [
        `${'name'.padEnd(width)}  symbols  sections  updated`,
        ...lists.map(
          (l) =>
            `${l.name.padEnd(width)}  ${String(l.itemCount).padStart(7)}  ${String(l.sectionCount).padStart(8)}  ${l.updatedAt}`,
        ),
      ].join('\n');
    });
    return 0;
  },
};
