import path from 'node:path';

/**
 * Where a host finds the bundled files. `distElectronDir` is the folder of the running
 * bundle (dist/electron); the renderer build sits beside it in dist/renderer.
 */
export interface AppPaths {
  rendererDir: string;
  engineWorker: string;
  preload: string;
  resourcesDir: string;
}

export function appPaths(distElectronDir: string, resourcesDir?: string): AppPaths {
  return {
    rendererDir: path.resolve(distElectronDir, '..', 'renderer'),
    engineWorker: path.join(distElectronDir, 'engine-worker.cjs'),
    preload: path.join(distElectronDir, 'preload.cjs'),
    // Development: <repo>/resources. Packaged: the caller passes process.resourcesPath/resources.
    resourcesDir: resourcesDir ?? path.resolve(distElectronDir, '..', '..', 'resources'),
  };
}
