export interface PreflightInput {
  platform: string;
  binary: string | null;
  electronVersion: string;
  headersDir: string;
  headersPresent: boolean;
  display: string | undefined;
  xvfbRun: string | null;
}
export type Preflight = { ok: true; needsXvfb: boolean } | { ok: false; line: string };
export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
}
export interface VerifyResult {
  e2e: TestCounts | null;
  appImage?: { file: string; bytes: number; sha256: string };
  smoke?: TestCounts | null;
  failedAt?: 'e2e' | 'dist' | 'smoke';
  log?: string;
}
export function preflight(input: PreflightInput): Preflight;
export function electronHeadersDir(env: Record<string, string | undefined>, home: string): string;
export function testCounts(report: unknown): TestCounts | null;
export function summaryLine(result: VerifyResult): string;
