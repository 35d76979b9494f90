import type { Command } from '../command';
import { barsCommand } from './bars';
import { importBarsCommand } from './import-bars';

/** Every CLI command. */
export const commands: readonly Command[] = [barsCommand, importBarsCommand];
