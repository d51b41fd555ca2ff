import type { OpenSession } from './open-session';
import { policySources, readAdminPolicy, type AdminPolicyRead } from '../policy/policy-file';

/** Where the engine finds its files: set once by the host at start. */
export interface EngineConfig {
  /** The app's resources/ folder (reference data, demo extract). */
  resourcesDir: string;
  /** Per-user folder for workspaces and app settings (Electron's userData). */
  dataDir: string;
  appVersion: string;
  /**
   * Where the policy is read from (tests only): by default the administrator's file at the OS
   * path and VERHUIS_POLICY_FILE. A `dataDir` in the administrator's file replaces `dataDir` above.
   */
  policy?: { systemFile?: string; extraFile?: string | undefined; release?: boolean };
}

/** All mutable engine state. One extract is open at a time. */
export class EngineState {
  session: OpenSession | null = null;
  status: 'idle' | 'opening' | 'ready' = 'idle';

  constructor(readonly config: EngineConfig) {}

  /** The administrators' policy files, read afresh (an administrator may change them while the app runs). */
  adminPolicy(): AdminPolicyRead {
    return readAdminPolicy(policySources(this.config.policy));
  }

  /** Closes the extract and workspace and drops everything derived from them (idle lock, close). */
  closeSession(): boolean {
    const had = this.session !== null;
    this.session?.close();
    this.session = null;
    this.status = 'idle';
    return had;
  }
}
