import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FINDINGS } from '../../shared/api/methods/trust';
import { REPO_ROOT } from '../support/test-engine';

/** Issue 11.6 and the documentation the checker and the administrator rely on. */
const read = (f: string) => readFileSync(path.join(REPO_ROOT, f), 'utf8');

describe('documentation of the trust boundary', () => {
  it('README recommends the prompt or --passphrase-file and says why, never VERHUIS_PASSPHRASE=… on a command line', () => {
    const readme = read('README.md');
    // No example command that sets it (a line of a code block, or an inline command other than the warning).
    expect(readme.split('\n').filter((l) => /^\s*VERHUIS_PASSPHRASE=/.test(l))).toEqual([]);
    expect(readme).toMatch(/Do not write\s+`VERHUIS_PASSPHRASE=… npm run cli …`/);
    expect(readme).toMatch(/--passphrase-file FILE/);
    expect(readme).toMatch(/shell history/);
  });

  it('docs/secure-room.md gives the checker five steps and the administrator the site settings', () => {
    const doc = read('docs/secure-room.md');
    const section = doc.slice(doc.indexOf('## 9. The output checker at the door'));
    expect(section.length).toBeGreaterThan(500);
    for (const step of ['1. **', '2. **', '3. **', '4. **', '5. **']) expect(section).toContain(step);
    expect(section).not.toContain('6. **');
    expect(section).toContain('audit verify --extract EXTRACT --export FILE');
    expect(section).toContain('audit report --extract EXTRACT --out report.xlsx');
    for (const key of ['dataDir', 'siteKeyFile', 'allowPolicyFileVariable', 'VERHUIS_POLICY_FILE']) expect(doc).toContain(key);
  });

  it('docs/disclosure-control.md explains every finding the checker can get', () => {
    const doc = read('docs/disclosure-control.md');
    for (const f of EXPORT_FINDINGS) expect(doc).toContain(`\`${f}\``);
    expect(doc).toContain('Verhuisverkenner proof');
  });
});
