/**
 * The study the user last opened, remembered across launches (the window's localStorage, like
 * the panel layout): the app opens on it next time, or on the embedded study when it is gone.
 */

const STORAGE_KEY = 'catalyst.study.open';
const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** Where the choice is kept (the window's `localStorage`). */
export type ChoiceStore = Pick<Storage, 'getItem' | 'setItem'>;

/** The remembered study id, or null when none (or an unreadable value) is stored. */
export function rememberedStudy(store: ChoiceStore | null = defaultStore()): string | null {
  try {
    const id = store?.getItem(STORAGE_KEY) ?? null;
    return id && SLUG.test(id) ? id : null;
  } catch {
    return null;
  }
}

/** Remembers the opened study; a storage that refuses (private mode, quota) only loses the memory. */
export function rememberStudy(id: string, store: ChoiceStore | null = defaultStore()): void {
  try {
    store?.setItem(STORAGE_KEY, id);
  } catch {
    // Not remembered: the app opens on the embedded study next time.
  }
}

function defaultStore(): ChoiceStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
