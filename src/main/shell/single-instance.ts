/**
 * One instance at a time: what a later launch hands to the running app (the file it was asked
 * to open, focus), decided as plain data so it is tested under Node. `src/main/index.ts`
 * carries the decision out (`second-instance`, and macOS `open-file`).
 */

/**
 * The file a launch asks to open, from its command line: the last argument that is not a
 * switch, not the executable or the app folder itself, with a name Catalyst reads. A second
 * launch hands it to the first instance; the first launch opens it once its window is ready.
 */
export function fileToOpen(argv: readonly string[], skip: number): string | null {
  const args = argv.slice(skip).filter((a) => a.length > 0 && !a.startsWith('-'));
  const last = args.at(-1);
  return last && /\.(json|txt|csv|tsv|md|html?)$/i.test(last) ? last : null;
}

/** The running instance as the hand-off sees it. */
export interface InstanceState {
  /** Start-up finished: the database is open and the file route (`app.openFile`) exists. */
  readonly started: boolean;
  /** The main window: none (macOS keeps running without one), minimised, or shown. */
  readonly window: 'none' | 'minimized' | 'shown';
}

/** What the running instance does for a later launch, in this order. */
export interface HandOff {
  /** Make the main window again (macOS, every window closed): the file needs a window to show its preview. */
  readonly createWindow: boolean;
  /** The file to open, or null. */
  readonly open: string | null;
  /** `now` through the file route; `after-start` kept until start-up opens it (the latest request wins). */
  readonly openWhen: 'now' | 'after-start';
  /** Un-minimise the window. */
  readonly restore: boolean;
  /** Bring the window to the front. */
  readonly focus: boolean;
}

/** A later launch: its command line (a second instance) or the path the OS handed over (macOS `open-file`). */
export type Launch = { readonly argv: readonly string[]; readonly skip: number } | { readonly file: string };

/**
 * What the running instance does when launched again. Always focus the window the user sees (a
 * second launch means "show me Catalyst"); a file goes to the window's preview now, or, while
 * start-up is still running, once it is done (the window is made then). A macOS app without a
 * window makes one first. Nothing is opened that the launch did not name.
 */
export function handOff(launch: Launch, state: InstanceState): HandOff {
  const open = 'file' in launch ? launch.file || null : fileToOpen(launch.argv, launch.skip);
  if (!state.started)
    return {
      createWindow: false,
      open,
      openWhen: 'after-start',
      restore: state.window === 'minimized',
      focus: state.window !== 'none',
    };
  return {
    createWindow: state.window === 'none',
    open,
    openWhen: 'now',
    restore: state.window === 'minimized',
    focus: true,
  };
}
