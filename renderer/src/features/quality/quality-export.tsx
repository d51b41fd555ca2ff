import { useState } from 'react';
import type { ApiError } from '../../../../shared/api/result';
import { settle, verhuis } from '../../api/verhuis';
import { ErrorMessage, Notice } from '../../components/error-message';
import { chooseSavePath } from '../export/choose-save-path';
import { useExportText } from '../export/export-i18n';
import { SavePathPrompt } from '../export/save-path-prompt';
import { baseName, rememberFolder, suggestPath } from '../export/save-path';
import { usePolicy } from '../policy/use-policy';
import { useQualityText } from './quality-i18n';

type Format = 'xlsx' | 'csv';

/**
 * Export of the data-quality report: the engine writes it (counts with "< T", a proof line, an
 * audit entry); the same save dialog, path field and replace confirmation as the table exports.
 */
export function QualityExport() {
  const { lang, xt } = useExportText();
  const { qt } = useQualityText();
  const { policy } = usePolicy();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<{ fileName: string; sha256: string; auditSeq: number } | null>(null);
  const [prompt, setPrompt] = useState<{ format: Format; initial: string } | null>(null);
  const [replace, setReplace] = useState<{ format: Format; path: string } | null>(null);
  const exportAllowed = policy ? policy.policy.allowExport && policy.adminError === null : true;
  const csvAllowed = policy ? policy.policy.allowCsv : true;

  const writeTo = async (format: Format, path: string, overwrite = false) => {
    rememberFolder(path);
    setPrompt(null);
    setReplace(null);
    setBusy(true);
    setError(null);
    setDone(null);
    const r = await settle(() => verhuis().export.quality({ format, path, overwrite, language: lang }));
    setBusy(false);
    if (r.ok) setDone(r.value);
    else if (r.error.code === 'FILE_EXISTS' && !overwrite) setReplace({ format, path });
    else setError(r.error);
  };

  const exportTo = async (format: Format) => {
    setError(null);
    setDone(null);
    const name = `${qt('quality.fileName')}-${new Date().toISOString().slice(0, 10)}.${format}`;
    const choice = await chooseSavePath(qt('quality.saveTitle'), name, { name: xt(format === 'xlsx' ? 'export.filterXlsx' : 'export.filterCsv'), extensions: [format] });
    if (choice.kind === 'path') await writeTo(format, choice.path);
    else if (choice.kind === 'prompt') setPrompt({ format, initial: suggestPath(name) });
  };

  return (
    <div className="export-buttons" data-testid="quality-export">
      <div className="input-row">
        <button type="button" className="button" disabled={busy || !exportAllowed} onClick={() => void exportTo('xlsx')} data-testid="quality-export-xlsx">
          {xt('export.excel')}
        </button>
        <button type="button" className="button" disabled={busy || !exportAllowed || !csvAllowed} title={csvAllowed ? undefined : xt('export.csvForbidden')} onClick={() => void exportTo('csv')} data-testid="quality-export-csv">
          {xt('export.csv')}
        </button>
        {busy && <span className="field__hint" role="status">{xt('export.busy')}</span>}
      </div>
      {!exportAllowed && <p className="field__hint">{xt('export.forbidden')}</p>}
      {prompt && (
        <SavePathPrompt
          key={`${prompt.format}:${prompt.initial}`}
          initial={prompt.initial}
          ext={prompt.format}
          busy={busy}
          onSubmit={(path) => void writeTo(prompt.format, path)}
          onCancel={() => setPrompt(null)}
          testId="quality-save-path"
        />
      )}
      {replace && (
        <Notice kind="warning" testId="quality-overwrite">
          <p className="message__text">{xt('export.exists', { file: baseName(replace.path) })}</p>
          <div className="input-row">
            <button type="button" className="button" disabled={busy} onClick={() => void writeTo(replace.format, replace.path, true)} data-testid="quality-overwrite-confirm">
              {xt('export.replace')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setReplace(null)}>
              {xt('export.keep')}
            </button>
          </div>
        </Notice>
      )}
      {done && (
        <Notice kind="success" testId="quality-export-done">
          <p className="message__text" data-file={done.fileName}>{qt('quality.done', { file: done.fileName })}</p>
          <p className="message__hint export-sha" data-sha256={done.sha256}>{xt('export.sha', { sha: done.sha256 })}</p>
          <p className="message__hint">{xt('export.logged', { seq: done.auditSeq })}</p>
        </Notice>
      )}
      <ErrorMessage error={error} onDismiss={() => setError(null)} testId="quality-export-error" />
    </div>
  );
}
