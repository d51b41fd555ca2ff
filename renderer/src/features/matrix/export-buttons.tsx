import { useState } from 'react';
import type { CohortDefinition } from '../../../../shared/cohort/cohort-definition';
import type { MatrixDefinition } from '../../../../shared/matrix/matrix-definition';
import type { AreaLevel, Vintage } from '../../../../shared/geo/area-level';
import type { ReasonCounts } from '../../../../shared/disclosure/protection';
import type { ApiError, Result } from '../../../../shared/api/result';
import { formatCount } from '../../../../shared/format/number-format';
import { settle, verhuis } from '../../api/verhuis';
import { ErrorMessage, Notice } from '../../components/error-message';
import { chooseSavePath } from '../export/choose-save-path';
import { type ExportTextKey, useExportText } from '../export/export-i18n';
import { crosstabFileName, ficheFileName, matrixFileName } from '../export/export-names';
import { SavePathPrompt } from '../export/save-path-prompt';
import { baseName, rememberFolder, suggestPath } from '../export/save-path';
import { usePolicy } from '../policy/use-policy';
import type { NameLanguage } from './area-order';
import type { CrosstabSubjectInput } from '../../../../shared/crosstab/crosstab-definition';

type Format = 'xlsx' | 'csv';

export type ExportSubject =
  | { kind: 'matrix'; cohort: CohortDefinition; definition: MatrixDefinition; nameLang: NameLanguage }
  | { kind: 'fiche'; cohort: CohortDefinition; level: AreaLevel; vintage: Vintage; areaCode: string; areaName: string | null }
  | { kind: 'profile'; cohort: CohortDefinition; subject: CrosstabSubjectInput; fileBase: string }
  | { kind: 'crosstab'; cohort: CohortDefinition; subject: CrosstabSubjectInput; fileBase: string };

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
  const { policy } = usePolicy();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<{ released: Released; copied: boolean } | null>(null);
  const [prompt, setPrompt] = useState<{ format: Format; initial: string } | null>(null);
  const kind = subject.kind;
  // Area names in French only when the matrix's name switch says so; labels follow the UI language.
  const language = subject.kind === 'matrix' && subject.nameLang === 'fr' ? 'fr' : lang;
  const exportAllowed = policy ? policy.policy.allowExport && policy.adminError === null : true;
  const csvAllowed = policy ? policy.policy.allowCsv : true;

  const run = async (call: () => Promise<Result<Released>>, copied: boolean) => {
    setBusy(true);
    setError(null);
    setDone(null);
    const r = await settle(call);
    setBusy(false);
    if (r.ok) setDone({ released: r.value, copied });
    else setError(r.error);
  };

  const writeTo = async (format: Format, path: string) => {
    rememberFolder(path);
    setPrompt(null);
    await run(
      () =>
        subject.kind === 'matrix'
          ? verhuis().export.matrix({ cohort: subject.cohort, definition: subject.definition, format, path, language })
          : subject.kind === 'profile' || subject.kind === 'crosstab'
            ? verhuis().export.crosstab({ cohort: subject.cohort, subject: subject.subject, format, path, language })
            : verhuis().export.fiche({ cohort: subject.cohort, level: subject.level, vintage: subject.vintage, areaCode: subject.areaCode, format, path, language }),
      false,
    );
  };

  const exportTo = async (format: Format) => {
    setError(null);
    setDone(null);
    const name =
      subject.kind === 'matrix'
        ? matrixFileName(subject.definition, format)
        : subject.kind === 'profile' || subject.kind === 'crosstab'
          ? crosstabFileName(subject.fileBase, format)
          : ficheFileName(subject.areaCode, subject.areaName, format);
    const filter = { name: xt(format === 'xlsx' ? 'export.filterXlsx' : 'export.filterCsv'), extensions: [format] };
    const choice = await chooseSavePath(xt('export.saveTitle'), name, filter);
    if (choice.kind === 'path') await writeTo(format, choice.path);
    else if (choice.kind === 'prompt') setPrompt({ format, initial: suggestPath(name) });
  };

  const copy = async () => {
    setPrompt(null);
    if (subject.kind === 'matrix') await run(() => verhuis().clipboard.copyMatrix({ cohort: subject.cohort, definition: subject.definition, language }), true);
    else if (subject.kind === 'profile' || subject.kind === 'crosstab') await run(() => verhuis().clipboard.copyCrosstab({ cohort: subject.cohort, subject: subject.subject, language }), true);
  };

  const counts = done?.released.counts;
  return (
    <div className="export-buttons" data-testid={`${kind}-export`}>
      <div className="input-row">
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
        {busy && <span className="field__hint" role="status">{xt('export.busy')}</span>}
      </div>
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
