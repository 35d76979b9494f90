// electron-builder afterPack hook: sets Catalyst's Electron fuses (scripts/fuses.cjs) on the
// packaged executable before it is signed and wrapped into installers.
const { applyFuses } = require('./fuses.cjs');

exports.default = async function afterPack(context) {
  const target = await applyFuses(context);
  console.log(`  • fuses set on ${target}`);
};
