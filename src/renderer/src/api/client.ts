import { createClient, type CatalystBridge, type CatalystClient } from '../../../shared/contract/bridge';

declare global {
  interface Window {
    /** Installed by the preload (in Electron) or by the end-to-end harness (in Chromium). */
    readonly catalyst?: CatalystBridge;
  }
}

function bridge(): CatalystBridge {
  if (!window.catalyst) {
    throw new Error('window.catalyst is missing: the page was opened without the Catalyst preload bridge.');
  }
  return window.catalyst;
}

/** The renderer's only way to the main process: typed calls that resolve to values or throw CatalystError. */
export const api: CatalystClient = createClient(bridge());
