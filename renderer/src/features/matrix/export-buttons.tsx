import { useState } from 'react';
import type { CohortDefinition } from '../../../../shared/cohort/cohort-definition';
import type { MatrixDefinition } from '../../../../shared/matrix/matrix-definition';
import type { AreaLevel, Vintage } from '../../../../shared/geo/area-level';
import type { ReasonCounts } from '../../../../shared/disclosure/protection';
import type { CellMeasure } from '../../../../shared/disclosure/percent-table';
import type { ChartView, MatrixChartKind } from '../../../../shared/disclosure/chart-kind';
import type { ApiError, Result } from '../../../../shared/api/result';
import { formatCount } from '../../../../shared/format/number-format';
import { settle, verhuis } from '../../api/verhuis';
import { ErrorMessage, Notice } from '../../components/error-message';
import { chooseSavePath } from '../export/choose-save-path';
import { type ExportTextKey, useExportText } from '../export/export-i18n';
import { chartFileName, crosstabFileName, ficheFileName, matrixFileName } from '../export/export-names';
import { SavePathPrompt } from '../export/save-path-prompt';
import { baseName, rememberFolder, suggestPath } from '../export/save-path';
import { usePolicy } from '../policy/use-policy';
import type { NameLanguage } from './area-order';
import type { CrosstabSubjectInput, ProfileOptions } from '../../../../shared/crosstab/crosstab-definition';
import { useMatrixText } from './matrix-i18n';
import { useCohortLabel } from '../cohort/cohort-badge';
import { cohortNameForRecord } from '../cohort/cohort-identity';

type Format = 'xlsx' | 'csv' | 'png' | 'svg';

/**
 * What is exported: the matrix in the measure on screen, the fiche, or a chart of the matrix
 * (drawn by the engine from the protected table, never a picture of the screen).
 */
export type ExportSubject =
  | { kind: 'matrix'; cohort: CohortDefinition; definition: MatrixDefinition; nameLang: NameLanguage; measure?: CellMeasure }
  | { kind: 'fiche'; cohort: CohortDefinition; level: AreaLevel; vintage: Vintage; areaCode: string; areaName: string | null }
  | { kind: 'profile'; cohort: CohortDefinition; subject: CrosstabSubjectInput; fileBase: string }
  | { kind: 'crosstab'; cohort: CohortDefinition; subject: CrosstabSubjectInput; fileBase: string }
  | { kind: 'chart'; cohort: CohortDefinition; definition: MatrixDefinition; nameLang: NameLanguage; chart: MatrixChartKind; view?: ChartView }
  /** The profile's bar charts, drawn by the engine from the protected profile tables. */
  | { kind: 'profile-chart'; cohort: CohortDefinition; options: ProfileOptions; fileBase: string };

const FILTER_KEY: Record<Format, ExportTextKey> = { xlsx: 'export.filterXlsx', csv: 'export.filterCsv', png: 'export.filterPng', svg: 'export.filterSvg' };

interface Released {
  fileName?: string | null;
  sha256: string;
  auditSeq: number;
  counts: ReasonCounts;
}

const HINTED = new Set(['EXPORT_FORBIDDEN', 'DIFFERENCING_RISK', 'LINKED_TABLES', 'POLICY_INVALID', 'WRITE_FAILED']);

/**
 * Export to Excel or CSV, and copy to the clipboard, all through the engine's release path:
 * disclosure control, the protection against earlier releases, the writer and the audit entry run there, so what
 * leaves the app is the protected table, never the screen's counts. The clipboard is written by
 * the host; this component only learns the hash and the counts.
 */
export function ExportButtons({ subject }: { subject: ExportSubject }) {
  const { lang, xt } = useExportText();
  const { mt } = useMatrixText();
  const { policy } = usePolicy();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<{ released: Released; copied: boolean } | null>(null);
  const [prompt, setPrompt] = useState<{ format: Format; initial: string } | null>(null);
  // The engine never replaces a file unasked: FILE_EXISTS asks the user, who may confirm.
  const [replace, setReplace] = useState<{ format: Format; path: string } | null>(null);
  const kind = subject.kind;
  // Area names in French only when the matrix's name switch says so; labels follow the UI language.
  const language = (subject.kind === 'matrix' || subject.kind === 'chart') && subject.nameLang === 'fr' ? 'fr' : lang;
  const measure: CellMeasure = subject.kind === 'matrix' ? (subject.measure ?? 'counts') : 'counts';
  const exportAllowed = policy ? policy.policy.allowExport && policy.adminError === null : true;
  const csvAllowed = policy ? policy.policy.allowCsv : true;

  // The working cohort's name as shown ("Naam (gewijzigd)", "naamloos"): recorded with the export.
  const label = useCohortLabel();
  const cohortName = label?.named ? cohortNameForRecord(label, lang) : null;

  const run = async (call: () => Promise<Result<Released>>, copied: boolean, onExists?: () => void) => {
    setBusy(true);
    setError(null);
    setDone(null);
    setReplace(null);
    const r = await settle(call);
    setBusy(false);
    if (r.ok) setDone({ released: r.value, copied });
    else if (r.error.code === 'FILE_EXISTS' && onExists) onExists();
    else setError(r.error);
  };

  /** `overwrite` only after the user confirmed replacing the file (the confirmation below). */
  const writeTo = async (format: Format, path: string, overwrite = false) => {
    rememberFolder(path);
    setPrompt(null);
    await run(
      () =>
        subject.kind === 'profile-chart'
          ? verhuis().export.profileChart({ cohort: subject.cohort, options: subject.options, format: format === 'svg' ? 'svg' : 'png', path, overwrite, language })
          : subject.kind === 'chart'
          ? verhuis().export.chart({ cohort: subject.cohort, cohortName, definition: subject.definition, chart: subject.chart, view: subject.view, format: format === 'svg' ? 'svg' : 'png', path, overwrite, language })
          : subject.kind === 'matrix'
            ? verhuis().export.matrix({ cohort: subject.cohort, cohortName, definition: subject.definition, format: format === 'csv' ? 'csv' : 'xlsx', path, overwrite, language, measure })
            : subject.kind === 'profile' || subject.kind === 'crosstab'
              ? verhuis().export.crosstab({ cohort: subject.cohort, subject: subject.subject, format: format === 'csv' ? 'csv' : 'xlsx', path, overwrite, language })
              : verhuis().export.fiche({ cohort: subject.cohort, cohortName, level: subject.level, vintage: subject.vintage, areaCode: subject.areaCode, format: format === 'csv' ? 'csv' : 'xlsx', path, overwrite, language }),
      false,
      overwrite ? undefined : () => setReplace({ format, path }),
    );
  };

  const exportTo = async (format: Format) => {
    setError(null);
    setDone(null);
    const name =
      subject.kind === 'profile-chart'
        ? crosstabFileName(subject.fileBase, format === 'svg' ? 'svg' : 'png')
        : subject.kind === 'chart'
        ? chartFileName(subject.definition, subject.chart, format === 'svg' ? 'svg' : 'png', new Date(), lang)
        : subject.kind === 'matrix'
          ? matrixFileName(subject.definition, format === 'csv' ? 'csv' : 'xlsx', new Date(), lang)
          : subject.kind === 'profile' || subject.kind === 'crosstab'
            ? crosstabFileName(subject.fileBase, format === 'csv' ? 'csv' : 'xlsx')
            : ficheFileName(subject.areaCode, subject.areaName, format === 'csv' ? 'csv' : 'xlsx', new Date(), lang);
    const filter = { name: xt(FILTER_KEY[format]), extensions: [format] };
    const image = subject.kind === 'chart' || subject.kind === 'profile-chart';
    const choice = await chooseSavePath(xt(image ? 'export.saveImageTitle' : 'export.saveTitle'), name, filter);
    if (choice.kind === 'path') await writeTo(format, choice.path);
    else if (choice.kind === 'prompt') setPrompt({ format, initial: suggestPath(name) });
  };

  const copy = async () => {
    setPrompt(null);
    if (subject.kind === 'matrix') await run(() => verhuis().clipboard.copyMatrix({ cohort: subject.cohort, cohortName, definition: subject.definition, language, measure }), true);
    else if (subject.kind === 'profile' || subject.kind === 'crosstab') await run(() => verhuis().clipboard.copyCrosstab({ cohort: subject.cohort, subject: subject.subject, language }), true);
  };

  const counts = done?.released.counts;
  return (
    <div className="export-buttons" data-testid={`${kind}-export`}>
      <div className="input-row">
        {kind === 'chart' || kind === 'profile-chart' ? (
          <>
            <button type="button" className="button" disabled={busy || !exportAllowed} title={xt('export.imageTitle')} onClick={() => void exportTo('png')} data-testid={`${kind}-export-png`}>
              {kind === 'profile-chart' ? xt('export.chartPng') : xt('export.png')}
            </button>
            <button type="button" className="button" disabled={busy || !exportAllowed} title={xt('export.imageTitle')} onClick={() => void exportTo('svg')} data-testid={`${kind}-export-svg`}>
              {kind === 'profile-chart' ? xt('export.chartSvg') : xt('export.svg')}
            </button>
          </>
        ) : (
          <>
        <button type="button" className="button" disabled={busy || !exportAllowed} onClick={() => void exportTo('xlsx')} data-testid={`${kind}-export-xlsx`}>
          {xt('export.excel')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy || !exportAllowed || !csvAllowed}
          title={csvAllowed ? undefined : xt('export.csvForbidden')}
          onClick={() => void exportTo('csv')}
          data-testid={`${kind}-export-csv`}
        >
          {xt('export.csv')}
        </button>
        {kind !== 'fiche' && (
          <button type="button" className="button" disabled={busy || !exportAllowed} title={xt('export.copyTitle')} onClick={() => void copy()} data-testid={`${kind}-copy`}>
            {xt('export.copy')}
          </button>
        )}
          </>
        )}
        {busy && <span className="field__hint" role="status">{xt('export.busy')}</span>}
      </div>
      {/* Said only when it is not the plain counts, so the grid keeps its rows. */}
      {kind === 'matrix' && measure !== 'counts' && (
        <p className="field__hint" data-testid="matrix-export-measure" data-measure={measure}>
          {xt('export.measure', { measure: mt(`measure.${measure}`) })}
        </p>
      )}
      {!exportAllowed && <p className="field__hint" data-testid={`${kind}-export-forbidden`}>{xt('export.forbidden')}</p>}
      {prompt && (
        <SavePathPrompt
          key={`${prompt.format}:${prompt.initial}`}
          initial={prompt.initial}
          ext={prompt.format}
          busy={busy}
          onSubmit={(path) => void writeTo(prompt.format, path)}
          onCancel={() => setPrompt(null)}
          testId={`${kind}-save-path`}
        />
      )}
      {replace && (
        <Notice kind="warning" testId={`${kind}-overwrite`}>
          <p className="message__text">{xt('export.exists', { file: baseName(replace.path) })}</p>
          <div className="input-row">
            <button type="button" className="button" disabled={busy} onClick={() => void writeTo(replace.format, replace.path, true)} data-testid={`${kind}-overwrite-confirm`}>
              {xt('export.replace')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setReplace(null)} data-testid={`${kind}-overwrite-cancel`}>
              {xt('export.keep')}
            </button>
          </div>
        </Notice>
      )}
      {done && counts && (
        <Notice kind="success" testId={`${kind}-export-done`}>
          <p className="message__text" data-file={done.released.fileName ?? ''}>
            {done.copied ? xt('export.copied') : xt('export.done', { file: baseName(done.released.fileName ?? '') })}
          </p>
          <p className="message__hint export-sha" data-sha256={done.released.sha256}>{xt('export.sha', { sha: done.released.sha256 })}</p>
          <p className="message__hint">
            {xt('export.counts', {
              primary: formatCount(counts.primary, lang),
              secondary: formatCount(counts.secondary, lang),
              class: formatCount(counts.class, lang),
              rounded: formatCount(counts.rounded, lang),
              perturbed: formatCount(counts.perturbed, lang),
            })}{' '}
            {xt('export.logged', { seq: done.released.auditSeq })}
          </p>
        </Notice>
      )}
      <ErrorMessage
        error={error}
        hint={error && HINTED.has(error.code) ? xt(`hint.${error.code}` as ExportTextKey) : undefined}
        onDismiss={() => setError(null)}
        testId={`${kind}-export-error`}
      />
    </div>
  );
}
