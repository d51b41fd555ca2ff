/**
 * Whether this is a release build (installers, `npm run dist`). esbuild replaces
 * `__VERHUIS_RELEASE__` with `true` when scripts/build-node.mjs runs with --release; in
 * development, tests and the CLI run from the repository the name is not defined. It is a
 * compile-time constant, so nothing at run time (environment, arguments) can change it.
 */
declare const __VERHUIS_RELEASE__: boolean | undefined;

export const isReleaseBuild = (): boolean => typeof __VERHUIS_RELEASE__ !== 'undefined' && __VERHUIS_RELEASE__ === true;
