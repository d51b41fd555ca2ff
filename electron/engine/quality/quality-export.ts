import path from 'node:path';
import type { AuditEntry } from '../../../shared/disclosure/audit-entry';
import { CohortDefinition } from '../../../shared/cohort/cohort-definition';
import { publishedCount, type QualityReport } from '../../../shared/quality/quality-report';
import { QUALITY_RULES } from '../../../shared/quality/quality-rules';
import { AppError } from '../core/app-error';
import type { EngineState } from '../core/engine-state';
import { commitAudit, sha256Hex } from '../audit/audit-log';
import { canonicalJson } from '../audit/canonical-json';
import { sealRelease } from '../audit/seal-release';
import { outputPolicy } from '../policy/policy-file';
import { checkWritePath, writeGuardOf } from '../export/write-path';
import { osUser, publishStaged, sessionPolicy, settledSession, stageFile, unlinkQuietly } from '../export/release';
import type { OutputDocument } from '../export/table-writer';
import { xlsxWriter } from '../export/xlsx-writer';
import { csvWriter } from '../export/text-writer';

type Lang = 'nl' | 'en';

const TEXT = {
  nl: {
    sheet: 'Datakwaliteit',
    header: ['Controle', 'Personen', 'Records', 'Regel', 'Definitie'],
    legend: (t: number) => [`Alleen aantallen over het hele extract. Een aantal van 1 tot ${t - 1} staat als "< ${t}" (drempel van het beleid).`, 'De regel zegt wat de matrices met zo’n record of persoon doen; de definitie verwijst naar docs/matrix-definitions.md.'],
    legendSheet: 'Legende',
    metaSheet: 'Metadata',
    meta: { extract: 'Extract-ID', sha: 'Extract SHA-256', reference: 'Referentiedatum', persons: 'Personen in het extract', records: 'Verblijfsrecords in het extract', threshold: 'Drempel', created: 'Gemaakt' },
  },
  en: {
    sheet: 'Data quality',
    header: ['Check', 'Persons', 'Records', 'Rule', 'Definition'],
    legend: (t: number) => [`Counts only, over the whole extract. A count from 1 to ${t - 1} is shown as "< ${t}" (the policy threshold).`, 'The rule says what the matrices do with such a record or person; the definition refers to docs/matrix-definitions.md.'],
    legendSheet: 'Legend',
    metaSheet: 'Metadata',
    meta: { extract: 'Extract id', sha: 'Extract SHA-256', reference: 'Reference date', persons: 'Persons in the extract', records: 'Residence records in the extract', threshold: 'Threshold', created: 'Created' },
  },
} as const;

/** The report as a document for the project's writers: one sheet of checks, the legend, the metadata. */
export function qualityDocument(report: QualityReport, summary: { extractId: string; fingerprint: string }, lang: Lang, createdAt: Date): OutputDocument {
  const L = TEXT[lang];
  const T = report.threshold;
  const shown = (n: number | null) => (n === null ? '' : publishedCount(n, T));
  return {
    tables: [],
    measures: {
      sheet: L.sheet,
      header: [...L.header],
      rows: report.items.map((i) => [QUALITY_RULES[i.check].label[lang], shown(i.persons), shown(i.records), QUALITY_RULES[i.check].rule[lang], QUALITY_RULES[i.check].section]),
      percentColumns: [],
    },
    legend: { sheet: L.legendSheet, lines: L.legend(T) },
    metadata: {
      sheet: L.metaSheet,
      rows: [
        [L.meta.extract, summary.extractId],
        [L.meta.sha, summary.fingerprint],
        [L.meta.reference, report.referenceDate],
        [L.meta.persons, publishedCount(report.persons, T)],
        [L.meta.records, publishedCount(report.residenceRecords, T)],
        [L.meta.threshold, T],
        [L.meta.created, createdAt.toISOString()],
      ],
    },
    decimalComma: lang === 'nl',
  };
}

/**
 * Writes the report like every release: the policy's export rules, the write-path rules, a
 * proof in the file, the audit entry committed before the file appears under its name. Counts
 * of the whole extract (no cohort), so there is nothing to difference against the ledger.
 */
export async function releaseQualityReport(
  state: EngineState,
  req: { format: 'xlsx' | 'csv'; path: string; overwrite: boolean; language: Lang; channel: 'ui' | 'cli' },
  report: QualityReport,
): Promise<{ fileName: string; sha256: string; auditSeq: number }> {
  const session = await settledSession(state);
  const policy = outputPolicy(sessionPolicy(state), req.format);
  const target = checkWritePath(req.path, writeGuardOf(state), { overwrite: req.overwrite });
  const createdAt = new Date();
  const doc = qualityDocument({ ...report, threshold: policy.threshold }, session.summary, req.language, createdAt);
  const everyone = CohortDefinition.parse({});
  const values = doc.measures!.rows.map((r) => [r[1], r[2]]);
  const entryFor = (sha256: string): AuditEntry => ({
    time: createdAt.toISOString(),
    user: osUser(),
    channel: req.channel,
    output: req.format,
    extractId: session.summary.extractId,
    extractFingerprint: session.summary.fingerprint,
    recipeHash: sha256Hex(canonicalJson(everyone)),
    cohort: everyone,
    table: { kind: 'quality' },
    fileName: path.basename(target),
    path: target,
    sha256,
    policy,
    counts: { tables: 1, cells: values.length * 2, protected: { primary: 0, class: 0, secondary: 0, rounded: 0, linked: 0, perturbed: 0 } },
    snapshotSha256: sha256Hex(JSON.stringify(values)),
  });
  const { bytes, digest, prepared } = await sealRelease(session.workspace, req.format === 'xlsx' ? xlsxWriter : csvWriter, doc, entryFor, true);
  const staged = stageFile(target, bytes);
  let seq: number;
  try {
    seq = commitAudit(session.workspace, prepared).seq;
  } catch {
    unlinkQuietly(staged.temp);
    throw new AppError('WORKSPACE_ERROR', { reason: 'audit log' });
  }
  publishStaged(session, staged, prepared.entry, seq);
  return { fileName: path.basename(target), sha256: digest, auditSeq: seq };
}
