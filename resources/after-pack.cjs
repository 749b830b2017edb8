// electron-builder afterPack hook: flips the Electron fuses of the packed binary before it is
// signed (the fuses live in the executable; signing then protects them). CommonJS because
// electron-builder loads hooks with require().
const { FuseV1Options, FuseVersion } = require('@electron/fuses');

/** Every fuse this @electron/fuses knows is set on purpose. */
const FUSES = {
  version: FuseVersion.V1,
  // Not strict: a fuse that a newer Electron adds keeps its default instead of failing the build.
  strictlyRequireAllFuses: false,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node.js.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect would let anyone with a shortcut inject code into main.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Only app.asar loads, and its hash must match the one embedded at packaging time.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The app never uses file://; it gets no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

async function afterPack(context) {
  // electron-builder's own entry point for flipping fuses (it knows the executable's path per platform).
  await context.packager.addElectronFuses(context, FUSES);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
