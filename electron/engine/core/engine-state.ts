import type { OpenSession } from './open-session';

/** Where the engine finds its files: set once by the host at start. */
export interface EngineConfig {
  /** The app's resources/ folder (reference data, demo extract). */
  resourcesDir: string;
  /** Per-user folder for workspaces and app settings (Electron's userData). */
  dataDir: string;
  appVersion: string;
}

/** All mutable engine state. One extract is open at a time. */
export class EngineState {
  session: OpenSession | null = null;
  status: 'idle' | 'opening' | 'ready' = 'idle';

  constructor(readonly config: EngineConfig) {}

  /** Closes the extract and workspace and drops everything derived from them (idle lock, close). */
  closeSession(): boolean {
    const had = this.session !== null;
    this.session?.close();
    this.session = null;
    this.status = 'idle';
    return had;
  }
}
