import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ActivePolicy,
  AdminPolicyFile,
  DEFAULT_POLICY,
  UserPolicy,
  applyAdminPolicy,
  tightenPolicy,
  type DisclosurePolicy,
} from '../../../shared/disclosure/policy';
import { AppError } from '../core/app-error';
import { describeIssue } from '../core/dispatch';

/**
 * Where the administrator puts the policy file (documented in docs/disclosure-control.md).
 * VERHUIS_POLICY_FILE overrides it (tests, or a site that keeps policy elsewhere).
 */
export function policyFilePath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.VERHUIS_POLICY_FILE) return env.VERHUIS_POLICY_FILE;
  if (platform === 'win32') return path.win32.join(env.ProgramData || 'C:\\ProgramData', 'Verhuisverkenner', 'policy.json');
  if (platform === 'darwin') return '/Library/Application Support/Verhuisverkenner/policy.json';
  return '/etc/verhuisverkenner/policy.json';
}

export interface AdminPolicyRead {
  file: string | null;
  admin: AdminPolicyFile | null;
  /** Why the file was refused; output is blocked while this is set. */
  error: string | null;
}

/** Reads and validates the administrator's file. A missing file means defaults; an unreadable or invalid one blocks output. */
export function readAdminPolicy(file = policyFilePath()): AdminPolicyRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { file: null, admin: null, error: null };
    return { file, admin: null, error: 'unreadable' };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { file, admin: null, error: 'not valid JSON' };
  }
  const parsed = AdminPolicyFile.safeParse(json);
  if (!parsed.success) return { file, admin: null, error: describeIssue(parsed.error) };
  return { file, admin: parsed.data, error: null };
}

/** The policy in force: defaults, raised by the administrator's file, tightened by the user. */
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
  };
}

/** The policy for an output, or the refusal: an invalid administrator's file blocks every output. */
export function outputPolicy(active: ActivePolicy, format: 'xlsx' | 'csv' | 'tsv' | 'svg' | 'png'): DisclosurePolicy {
  if (active.adminError !== null) throw new AppError('POLICY_INVALID', { issue: active.adminError });
  if (!active.policy.allowExport) throw new AppError('EXPORT_FORBIDDEN', { reason: 'export' });
  if (format === 'csv' && !active.policy.allowCsv) throw new AppError('EXPORT_FORBIDDEN', { reason: 'CSV' });
  return active.policy;
}
