import path from 'node:path';
import { openBrowseSection } from './sections/open-browse';
import { matrixSection } from './sections/matrix';
import { importSection } from './sections/import';
import { openSection } from './sections/open';
import { disclosureSection } from './sections/disclosure';
import { ledgerSection } from './sections/ledger';
import { crosstabSection } from './sections/crosstab';
import { qualitySection } from './sections/quality';
import { makeBenchContext, type BenchSection } from './bench-context';
// Each capability adds its section here.
const sections: BenchSection[] = [openBrowseSection, matrixSection, importSection, openSection, disclosureSection, ledgerSection, crosstabSection, qualitySection];

/** `npm run bench [section…]`: prints figures and ratios against peers measured in the same run. */
async function main() {
  const ctx = makeBenchContext(path.resolve(__dirname, '../..'));
  const only = process.argv.slice(2);
  console.log(`Verhuisverkenner bench: ${ctx.persons.toLocaleString('en-US')} persons, seed ${ctx.seed}`);
  for (const s of sections) {
    if (only.length && !only.includes(s.name)) continue;
    console.log(`\n== ${s.name}`);
    await s.run(ctx);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
