import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ActivePolicy,
  AdminPolicyFile,
  DEFAULT_POLICY,
  SystemPolicyFile,
  UserPolicy,
  applyAdminPolicy,
  stricterAdmin,
  tightenPolicy,
  type DisclosurePolicy,
  type SiteSettings,
} from '../../../shared/disclosure/policy';
import { AppError } from '../core/app-error';
import { isReleaseBuild } from '../core/build-kind';
import { describeIssue } from '../core/dispatch';

/** Where the administrator puts the policy file (docs/disclosure-control.md). Nothing in the environment moves it. */
export function policyFilePath(platform: NodeJS.Platform = process.platform, programData = process.env.ProgramData): string {
  if (platform === 'win32') return path.win32.join(programData || 'C:\\ProgramData', 'Verhuisverkenner', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/Verhuisverkenner/policy.json';
  return '/etc/verhuisverkenner/policy.json';
}

/**
 * Where the policy comes from. Hosts pass nothing (the OS path, the process environment,
 * the build kind); tests pass a system file of their own.
 */
export interface PolicySources {
  systemFile: string;
  /** The second file, from VERHUIS_POLICY_FILE (undefined: none). */
  extraFile: string | undefined;
  release: boolean;
}

export function policySources(overrides: Partial<PolicySources> = {}, env: NodeJS.ProcessEnv = process.env): PolicySources {
  return {
    systemFile: overrides.systemFile ?? policyFilePath(),
    extraFile: 'extraFile' in overrides ? overrides.extraFile : env.VERHUIS_POLICY_FILE || undefined,
    release: overrides.release ?? isReleaseBuild(),
  };
}

export interface AdminPolicyRead {
  file: string | null;
  /** Both files' disclosure settings, the stricter of the two per setting. */
  admin: AdminPolicyFile | null;
  /** Site settings: only from the file at the OS path. */
  site: SiteSettings;
  /** The second file, when it was read. */
  extraFile: string | null;
  /** Why a file was refused; output is blocked while this is set. */
  error: string | null;
}

type FileRead<T> = { kind: 'missing' } | { kind: 'error'; error: string } | { kind: 'ok'; value: T };

function readJsonFile<T>(file: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }): FileRead<T> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? { kind: 'missing' } : { kind: 'error', error: 'unreadable' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { kind: 'error', error: 'not valid JSON' };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { kind: 'ok', value: parsed.data } : { kind: 'error', error: describeIssue(parsed.error) };
}

/**
 * Reads the administrator's file at the OS path (always) and the second file named by
 * VERHUIS_POLICY_FILE (development and tests; packaged builds only where the administrator's
 * file allows it). The second file can only add restrictions; if it is named but missing or
 * invalid, every output is blocked — it never falls back to the defaults.
 */
export function readAdminPolicy(sources: PolicySources = policySources()): AdminPolicyRead {
  const sys = readJsonFile(sources.systemFile, SystemPolicyFile);
  if (sys.kind === 'error') return { file: sources.systemFile, admin: null, site: {}, extraFile: null, error: sys.error };
  const system = sys.kind === 'ok' ? sys.value : null;
  const { dataDir, siteKeyFile, allowPolicyFileVariable, ...disclosure } = system ?? {};
  const site: SiteSettings = { ...(dataDir ? { dataDir } : {}), ...(siteKeyFile ? { siteKeyFile } : {}), ...(allowPolicyFileVariable !== undefined ? { allowPolicyFileVariable } : {}) };
  const base: AdminPolicyRead = { file: system ? sources.systemFile : null, admin: system ? AdminPolicyFile.parse(disclosure) : null, site, extraFile: null, error: null };
  // A site key that cannot be read would chain entries without it: block output instead.
  if (siteKeyFile && !readSiteKeyBytes(siteKeyFile)) return { ...base, error: 'siteKeyFile: unreadable or shorter than 32 bytes' };
  const useExtra = sources.extraFile !== undefined && (!sources.release || allowPolicyFileVariable === true);
  if (!useExtra) return base;
  const extraFile = sources.extraFile!;
  const extra = readJsonFile(extraFile, AdminPolicyFile);
  if (extra.kind === 'missing') return { ...base, extraFile, error: 'VERHUIS_POLICY_FILE: file missing' };
  if (extra.kind === 'error') return { ...base, extraFile, error: `VERHUIS_POLICY_FILE: ${extra.error}` };
  return { ...base, extraFile, admin: stricterAdmin(base.admin, extra.value) };
}

/** The data folder the administrator pinned (`dataDir`, `{user}` = OS user name), or the host's own. */
export function effectiveDataDir(hostDataDir: string, read: AdminPolicyRead): string {
  const pinned = read.site.dataDir;
  if (!pinned) return hostDataDir;
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // no passwd entry: one shared folder
  }
  return path.resolve(pinned.replace(/\{user\}/g, user.replace(/[^A-Za-z0-9._-]/g, '_')));
}

/** The policy in force: defaults, raised by the administrators' files, tightened by the user. */
export function activePolicy(user: UserPolicy | null, read: AdminPolicyRead = readAdminPolicy()): ActivePolicy {
  const floor = applyAdminPolicy(DEFAULT_POLICY, read.admin);
  const validUser = user ? UserPolicy.safeParse(user) : null;
  const userPolicy = validUser?.success ? validUser.data : null;
  return {
    policy: tightenPolicy(floor, userPolicy, read.admin?.forceRounding === true),
    adminFile: read.file,
    admin: read.admin,
    user: userPolicy,
    adminError: read.error,
    extraFile: read.extraFile,
  };
}

/** The policy for an output, or the refusal: an invalid administrator's file blocks every output. */
export function outputPolicy(active: ActivePolicy, format: 'xlsx' | 'csv' | 'tsv' | 'svg' | 'png'): DisclosurePolicy {
  if (active.adminError !== null) throw new AppError('POLICY_INVALID', { issue: active.adminError });
  if (!active.policy.allowExport) throw new AppError('EXPORT_FORBIDDEN', { reason: 'export' });
  if (format === 'csv' && !active.policy.allowCsv) throw new AppError('EXPORT_FORBIDDEN', { reason: 'CSV' });
  return active.policy;
}

/** The site key's bytes (at least 32), or null. */
export function readSiteKeyBytes(file: string): Buffer | null {
  try {
    const bytes = readFileSync(file);
    return bytes.length >= 32 ? bytes : null;
  } catch {
    return null;
  }
}
