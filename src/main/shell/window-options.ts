import type { BrowserWindowConstructorOptions } from 'electron';
import { MIN_WINDOW } from './window-state';

/** Window background before the page paints, matched to the renderer's light and dark themes. */
export const BACKGROUND = { light: '#ffffff', dark: '#131722' } as const;

export interface WindowOptionsInput {
  /** Absolute path of the built preload (`out/preload/index.cjs`). */
  readonly preloadPath: string;
  /** Whether the OS is in dark mode (`nativeTheme.shouldUseDarkColors`). */
  readonly dark: boolean;
  /** Initial size in DIPs; defaults to 1440 × 900. */
  readonly width?: number;
  readonly height?: number;
  /** Position restored from the last session (already clamped to a visible screen). */
  readonly x?: number;
  readonly y?: number;
}

/**
 * The main window's options. The renderer is untrusted: it runs sandboxed, isolated from the
 * preload, with no Node, no webviews and web security on; it talks to the main process only
 * through `window.catalyst`. The window stays hidden until `ready-to-show` so it never
 * flashes an empty frame.
 */
export function createWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Catalyst',
    ...(input.x !== undefined && input.y !== undefined ? { x: input.x, y: input.y } : {}),
    width: input.width ?? 1440,
    height: input.height ?? 900,
    minWidth: MIN_WINDOW.width,
    minHeight: MIN_WINDOW.height,
    show: false,
    backgroundColor: input.dark ? BACKGROUND.dark : BACKGROUND.light,
    autoHideMenuBar: false,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  };
}
