import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CatalystError } from '../../shared/contract/errors';
import type { CommandContext } from './command';

/**
 * Writes a command's output file (`--out FILE`, relative to the working directory) as UTF-8;
 * returns the absolute path and the bytes written. A file that cannot be written is
 * `invalid-input` naming the file and the system's reason.
 */
export function writeOutFile(
  ctx: CommandContext,
  out: string,
  content: string | Uint8Array,
): { path: string; bytes: number } {
  const path = resolve(ctx.cwd, out);
  try {
    writeFileSync(path, content);
  } catch (e) {
    throw new CatalystError('invalid-input', `Cannot write ${out}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return { path, bytes: typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength };
}
