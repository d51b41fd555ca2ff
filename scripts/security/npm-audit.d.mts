export interface Advisory {
  id: string;
  package: string;
  severity: string;
  title: string;
  url: string;
}
export interface AllowEntry {
  id: string;
  package?: string;
  severity?: string;
  reason: string;
  reviewedOn?: string;
}
export interface AuditEvaluation {
  status: 'passed' | 'failed' | 'skipped';
  reason?: string;
  blocking: Advisory[];
  allowed: Advisory[];
  unexplained: Advisory[];
  stale: string[];
  invalidEntries: unknown[];
}
export const ALLOWLIST_FILE: string;
export function evaluateAudit(audit: unknown, allowlist: { advisories: AllowEntry[] } | unknown): AuditEvaluation;
export function runNpmAudit(cwd?: string): unknown;
