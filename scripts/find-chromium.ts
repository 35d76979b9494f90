import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const CANDIDATES: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files\\Chromium\\Application\\chrome.exe',
  ],
};

/** How to get a browser, shown when none is found. */
export const HOW_TO_GET_CHROMIUM = [
  'The end-to-end tests need a Chromium-based browser and found none. Any one of these works:',
  '  - set CATALYST_CHROMIUM=/path/to/chromium (or chrome)',
  '  - Debian/Ubuntu: sudo apt-get install -y chromium',
  '  - macOS/Windows: install Google Chrome or Chromium in the default location',
  "  - Playwright's managed browser: npx -y playwright@1.65.1 install chromium",
].join('\n');

/**
 * Finds a Chromium: `CATALYST_CHROMIUM`, then a system install, then Playwright's managed
 * browser. Throws with instructions when there is none.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CATALYST_CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`CATALYST_CHROMIUM points to ${fromEnv}, which does not exist.\n${HOW_TO_GET_CHROMIUM}`);
    return fromEnv;
  }
  for (const p of CANDIDATES[process.platform] ?? []) if (existsSync(p)) return p;
  try {
    const managed = chromium.executablePath();
    if (managed && existsSync(managed)) return managed;
  } catch {
    // No managed browser registered: fall through to the instructions.
  }
  throw new Error(HOW_TO_GET_CHROMIUM);
}

/** Flags for a headless run on a closed network as root (see TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--force-color-profile=srgb',
];
