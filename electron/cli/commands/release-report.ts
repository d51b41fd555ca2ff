import type { ReasonCounts } from '../../../shared/disclosure/protection';
import type { CliContext } from '../cli-context';

/** What every exporting command prints: file, hash, protected cells, audit entry. */
export function reportRelease(ctx: CliContext, r: { fileName: string | null; sha256: string; auditSeq: number; counts: ReasonCounts }): void {
  ctx.out(`${ctx.t('Geschreven', 'Written')}: ${r.fileName}`);
  ctx.out(`SHA-256: ${r.sha256}`);
  ctx.out(
    `${ctx.t('Beschermde cellen', 'Protected cells')}: primary ${ctx.number(r.counts.primary)}, class ${ctx.number(r.counts.class)}, secondary ${ctx.number(r.counts.secondary)}, rounded ${ctx.number(r.counts.rounded)}`,
  );
  ctx.out(`${ctx.t('Uitvoerlogboek', 'Audit log')}: #${r.auditSeq}`);
}
