// Electron fuses of the packaged app: switches compiled into the Electron binary that no
// command-line flag or environment variable can turn back. Flipped by the electron-builder
// afterPack hook (scripts/after-pack.cjs) on the packaged executable, and read back by
// `npm run package:check`. CommonJS: electron-builder loads hooks with require().
const { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } = require('@electron/fuses');
const { join } = require('node:path');

/** Every fuse Catalyst sets, by name (true = on). */
const CATALYST_FUSES = {
  // `ELECTRON_RUN_AS_NODE=1 Catalyst …` would turn the app into a plain Node interpreter.
  RunAsNode: false,
  // Cookies encrypted at rest with the OS key (the app keeps none today; a future login would).
  EnableCookieEncryption: true,
  // NODE_OPTIONS=--require … would inject code into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect / --inspect-brk would open a debugger on the main process.
  EnableNodeCliInspectArguments: false,
  // The asar's header hash is checked against the one recorded at build time (macOS, Windows).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Only app.asar is loaded: an unpacked `app/` folder next to it is never run.
  OnlyLoadAppFromAsar: true,
  // file:// gets no privileges beyond an ordinary scheme's (the app uses app://).
  GrantFileProtocolExtraPrivileges: false,
};

/** The @electron/fuses configuration for {@link CATALYST_FUSES}. */
function fuseConfig(platform) {
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature: platform === 'darwin' };
  for (const [name, on] of Object.entries(CATALYST_FUSES)) config[FuseV1Options[name]] = on;
  return config;
}

/** The Electron executable electron-builder produced in `appOutDir`. */
function packagedExecutable(context) {
  const platform = context.electronPlatformName;
  const productFilename = context.packager.appInfo.productFilename;
  if (platform === 'darwin' || platform === 'mas') return join(context.appOutDir, `${productFilename}.app`);
  if (platform === 'win32') return join(context.appOutDir, `${productFilename}.exe`);
  return join(context.appOutDir, context.packager.executableName);
}

/** Flips the fuses of a packaged app; throws (failing the build) when the binary has no fuse wire. */
async function applyFuses(context) {
  const target = packagedExecutable(context);
  await flipFuses(target, fuseConfig(context.electronPlatformName));
  return target;
}

/** Fuse states as bytes in the wire ('0' off, '1' on, 'r' removed). */
const OFF = 0x30;
const ON = 0x31;

/**
 * Electron's fuse wire as a release binary carries it, with Electron 45's defaults (RunAsNode,
 * NODE_OPTIONS, --inspect and file:// privileges on; the rest off): the sentinel, the wire
 * version (1), the number of fuses, one byte per fuse. The placeholder Electron of
 * `package:check` embeds it so the real hook flips a real wire layout.
 */
function electronDefaultFuseWire() {
  const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'latin1');
  const defaults = [ON, OFF, ON, ON, OFF, OFF, OFF, ON];
  return Buffer.concat([sentinel, Buffer.from([1, defaults.length, ...defaults])]);
}

/** Reads the fuses back from a binary: one line per Catalyst fuse, and whether it is as wanted. */
async function readFuses(pathToElectron) {
  const wire = await getCurrentFuseWire(pathToElectron);
  return Object.entries(CATALYST_FUSES).map(([name, on]) => {
    const state = wire[FuseV1Options[name]];
    const actual = state === ON ? true : state === OFF ? false : null;
    return { name, expected: on, actual, ok: actual === on };
  });
}

module.exports = { CATALYST_FUSES, fuseConfig, packagedExecutable, applyFuses, electronDefaultFuseWire, readFuses };
