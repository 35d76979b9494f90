import { migration001 } from './001-market-cache';
import { migration002 } from './002-studies';
import { migration003 } from './003-sync';
import { migration004 } from './004-watchlists';
import { migration005 } from './005-bar-summary';
import { migration006 } from './006-research';
import { migration007 } from './007-app-state';
import type { Migration } from './types';

/** Every migration, in order. Append only: a released migration is never edited. */
export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
];
