import path from 'node:path';
import type { CliContext } from '../cli-context';
import { cliFailure } from '../cli-context';
import { EXTRACT_OPTIONS, EXTRACT_USAGE, openExtractFromOptions } from '../open-extract-option';
import type { CliCommand, OptionValues } from './command';

const FINDING_TEXT: Record<string, [string, string]> = {
  'no-proof': ['het bestand draagt geen bewijs (niet door Verhuisverkenner vrijgegeven, of bewerkt)', 'the file carries no proof (not released by Verhuisverkenner, or edited)'],
  'other-workspace': ['het bewijs noemt een andere werkruimte (andere of nieuwe gegevensmap)', 'the proof names another workspace (another or a fresh data folder)'],
  orphaned: ['verweesde vrijgave: het logboek heeft dit item niet (meer) — teruggezet, ingekort of herschreven', 'orphaned release: the log does not (or no longer) hold this entry — rolled back, truncated or rewritten'],
  'chain-differs': ['het item is opnieuw geketend na de vrijgave', 'the entry was re-chained after the release'],
  'content-differs': ['de inhoud verschilt van wat het item vastlegde (bewerkt na vrijgave)', 'the content differs from what the entry recorded (edited after release)'],
  'other-extract': ['het item hoort bij een ander extract', 'the entry belongs to another extract'],
  'release-failed': ['deze vrijgave is als mislukt vastgelegd', 'this release was recorded as failed'],
  'log-broken': ['het uitvoerlogboek zelf is beschadigd of gewijzigd', 'the audit log itself is damaged or altered'],
};

/**
 * `audit verify`: checks the hash chain of the export audit log of an extract's workspace;
 * with --export FILE (repeatable as positionals), also that each released file is exactly
 * what its entry recorded and that the entry is in the intact chain (the output checker's test).
 */
export const command: CliCommand = {
  name: 'audit verify',
  summary: {
    nl: 'Controleert het uitvoerlogboek (hashketen) en, met --export, of een vrijgegeven bestand precies is wat zijn logboekitem vastlegde.',
    en: 'Checks the export audit log (hash chain) and, with --export, that a released file is exactly what its audit entry recorded.',
  },
  usage: `${EXTRACT_USAGE} [--export FILE [FILE…]]`,
  options: { ...EXTRACT_OPTIONS, export: { type: 'string' } },
  async run(ctx: CliContext, v: OptionValues, positionals: string[]) {
    const files = typeof v.export === 'string' ? [v.export, ...positionals] : [];
    await openExtractFromOptions(ctx, v);
    try {
      const verdict = await ctx.call('audit.verify', {});
      if (!verdict.ok) throw cliFailure('AUDIT_BROKEN', { entry: `${verdict.brokenAt} (${verdict.problem})` });
      ctx.out(ctx.t(`Uitvoerlogboek in orde: ${ctx.number(verdict.entries)} item(s).`, `Audit log intact: ${ctx.number(verdict.entries)} entr${verdict.entries === 1 ? 'y' : 'ies'}.`));
      ctx.out(`${ctx.t('Werkruimte', 'Workspace')}: ${verdict.workspaceId ?? '?'}; ${ctx.t('met sitesleutel (HMAC)', 'under the site key (HMAC)')}: ${ctx.number(verdict.keyed ?? 0)}`);
      let failed = 0;
      for (const file of files) {
        const c = await ctx.call('audit.verifyExport', { path: path.resolve(file) });
        const name = path.basename(file);
        if (c.ok) {
          const e = c.record!.entry;
          ctx.out(`OK  ${name}: ${ctx.t('item', 'entry')} #${c.record!.seq}, ${e.time}, ${e.user}, ${e.output}, T=${e.policy.threshold}, ${e.policy.method}${c.renamed ? ctx.t(` (vrijgegeven als ${e.fileName})`, ` (released as ${e.fileName})`) : ''}`);
        } else {
          failed++;
          ctx.out(`NOK ${name}${c.proof ? ` (${ctx.t('bewijs', 'proof')} #${c.proof.seq})` : ''}:`);
          for (const f of c.findings) ctx.out(`    - ${f}: ${FINDING_TEXT[f]?.[ctx.lang === 'nl' ? 0 : 1] ?? f}`);
        }
      }
      if (failed > 0) throw cliFailure('AUDIT_BROKEN', { entry: ctx.t(`${failed} bestand(en) niet bewezen`, `${failed} file(s) not proven`) });
      return 0;
    } finally {
      await ctx.call('extract.close', {});
    }
  },
};
