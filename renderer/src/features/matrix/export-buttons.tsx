import { useState } from 'react';
import type { ApiError } from '../../../../shared/api/result';
import { hasBridge } from '../../api/verhuis';
import { ErrorMessage, Notice } from '../../components/error-message';
import { useMatrixText } from './matrix-i18n';

type LooseResult = { ok: true; value: unknown } | { ok: false; error: ApiError };
type LooseCall = (request: unknown) => Promise<LooseResult>;

/** The export module's methods, looked up at run time: they arrive with the export capability. */
function exportMethod(name: string): LooseCall | null {
  if (!hasBridge()) return null;
  const api = window.verhuis as unknown as Record<string, Record<string, LooseCall> | undefined>;
  return api.export?.[name] ?? null;
}

interface Props {
  /** Which table: the matrix (export.matrix) or the fiche (export.fiche). */
  kind: 'matrix' | 'fiche';
  request: Record<string, unknown>;
}

/**
 * Export to file and copy to the clipboard, both through the engine's export path: disclosure
 * control runs there, so what leaves the app is the protected table, never the screen's counts.
 */
export function ExportButtons({ kind, request }: Props) {
  const { mt } = useMatrixText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const toFile = exportMethod(kind);
  const toClipboard = exportMethod('clipboard');
  const run = async (call: LooseCall, req: unknown, done: (value: unknown) => string): Promise<void> => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const res = await call(req);
      if (res.ok) setNotice(done(res.value));
      else setError(res.error);
    } catch {
      setError({ code: 'ENGINE_UNAVAILABLE', message: { nl: 'De rekenmotor antwoordt niet.', en: 'The engine does not answer.' } });
    } finally {
      setBusy(false);
    }
  };
  const fileName = (v: unknown): string =>
    v && typeof v === 'object' && 'fileName' in v ? String((v as { fileName: unknown }).fileName) : '';
  return (
    <div className="export-buttons" data-testid={`${kind}-export`}>
      <button
        type="button"
        className="button"
        disabled={!toFile || busy}
        title={toFile ? undefined : mt('export.unavailable')}
        onClick={() => toFile && void run(toFile, request, (v) => mt('export.done', { file: fileName(v) }))}
      >
        {mt('export.button')}
      </button>
      <button
        type="button"
        className="button"
        disabled={!toClipboard || busy}
        title={toClipboard ? undefined : mt('export.unavailable')}
        onClick={() => toClipboard && void run(toClipboard, { [kind]: request }, () => mt('export.copied'))}
      >
        {mt('export.copy')}
      </button>
      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorMessage error={error} onDismiss={() => setError(null)} testId={`${kind}-export-error`} />
    </div>
  );
}
