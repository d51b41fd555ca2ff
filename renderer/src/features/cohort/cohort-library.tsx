import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { CohortDefinition } from '../../../../shared/cohort/cohort-definition';
import type { ApiError } from '../../../../shared/api/result';
import { formatCount, formatDate } from '../../../../shared/format/number-format';
import { settle, verhuis } from '../../api/verhuis';
import { ErrorMessage, Notice } from '../../components/error-message';
import { useI18n } from '../../i18n/i18n';
import { recipeFileName } from './cohort-model';
import { cohortSummary } from '../../../../shared/cohort/cohort-summary';
import { chooseSavePath } from '../export/choose-save-path';
import { SavePathPrompt } from '../export/save-path-prompt';
import { rememberFolder, suggestPath } from '../export/save-path';

interface Saved {
  name: string;
  definition: CohortDefinition;
  updatedAt: string;
}

interface Props {
  definition: CohortDefinition;
  currentName: string | null;
  /** A cohort was loaded or saved ('saved'), or read from a recipe file without saving it ('recipe'). */
  onLoad: (name: string, definition: CohortDefinition, source: 'saved' | 'recipe') => void;
  onRenamed: (from: string, to: string) => void;
}

type Pending = { kind: 'overwrite'; name: string } | { kind: 'delete'; name: string } | { kind: 'rename'; name: string; to: string } | null;

/** Named cohorts kept in the extract's encrypted workspace: save, load, rename, delete, export, import. */
export function CohortLibrary({ definition, currentName, onLoad, onRenamed }: Props) {
  const { t, lang } = useI18n();
  const [cohorts, setCohorts] = useState<Saved[] | null>(null);
  const [name, setName] = useState(currentName ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'warning'; text: string } | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  // Where the host has no save dialog: the path field for this cohort's recipe.
  // The size of each saved cohort, counted on the open extract.
  const [sizes, setSizes] = useState<Record<string, number>>({});
  useEffect(() => {
    let live = true;
    for (const c of cohorts ?? []) {
      void settle(() => verhuis().cohort.count({ definition: c.definition })).then((r) => {
        if (live && r.ok) setSizes((s) => (s[c.name] === r.value.persons ? s : { ...s, [c.name]: r.value.persons }));
      });
    }
    return () => {
      live = false;
    };
  }, [cohorts]);
  const [recipePrompt, setRecipePrompt] = useState<{ name: string; initial: string } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const refresh = useCallback(async () => {
    const r = await settle(() => verhuis().cohort.list({}));
    if (r.ok) setCohorts(r.value.cohorts);
    else {
      setCohorts([]);
      setError(r.error);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    if (currentName) setName(currentName);
  }, [currentName]);

  const report = (r: { ok: true } | { ok: false; error: ApiError }, success?: string) => {
    if (r.ok) {
      setError(null);
      setNotice(success ? { kind: 'success', text: success } : null);
    } else {
      setError(r.error);
      setNotice(null);
    }
  };

  const save = async (overwrite: boolean) => {
    const trimmed = name.trim();
    if (trimmed === '') return;
    const r = await settle(() => verhuis().cohort.save({ name: trimmed, definition, overwrite }));
    if (!r.ok && r.error.code === 'COHORT_NAME_TAKEN' && !overwrite) {
      setPending({ kind: 'overwrite', name: trimmed });
      setError(null);
      return;
    }
    setPending(null);
    report(r, t('library.saved', { name: trimmed }));
    if (r.ok) {
      onLoad(r.value.name, r.value.definition, 'saved');
      await refresh();
    }
  };

  const submitSave = (e: FormEvent) => {
    e.preventDefault();
    void save(false);
  };

  const remove = async (target: string) => {
    const r = await settle(() => verhuis().cohort.delete({ name: target }));
    setPending(null);
    report(r, t('library.deleted', { name: target }));
    await refresh();
  };

  const rename = async (from: string, to: string) => {
    const r = await settle(() => verhuis().cohort.rename({ from, to: to.trim() }));
    report(r, t('library.renamed', { from, to: to.trim() }));
    if (r.ok) {
      setPending(null);
      onRenamed(from, r.value.name);
      await refresh();
    }
  };

  // The host writes the recipe the engine exports (downloads stay blocked in the app's session).
  const writeRecipe = async (target: string, path: string) => {
    rememberFolder(path);
    setRecipePrompt(null);
    let r = await settle(() => verhuis().cohort.saveRecipeFile({ name: target, path }));
    // The engine never replaces a file unasked: replace only after the user confirmed.
    if (!r.ok && r.error.code === 'FILE_EXISTS' && window.confirm(r.error.message[lang === 'en' ? 'en' : 'nl'])) {
      r = await settle(() => verhuis().cohort.saveRecipeFile({ name: target, path, overwrite: true }));
    }
    report(r, r.ok ? t('library.exported', { file: r.value.fileName }) : undefined);
  };

  const exportRecipe = async (target: string) => {
    const choice = await chooseSavePath(t('library.exportTitle'), recipeFileName(target), { name: t('library.recipeFilter'), extensions: ['json'] });
    if (choice.kind === 'path') await writeRecipe(target, choice.path);
    else if (choice.kind === 'prompt') setRecipePrompt({ name: target, initial: suggestPath(recipeFileName(target)) });
  };

  const importRecipe = async (file: File) => {
    const json = await file.text();
    const r = await settle(() => verhuis().cohort.importRecipe({ json }));
    if (!r.ok) {
      report(r);
      return;
    }
    onLoad(r.value.recipe.name, r.value.recipe.definition, r.value.saved ? 'saved' : 'recipe');
    setName(r.value.recipe.name);
    setError(null);
    setNotice(
      r.value.sameExtract
        ? { kind: 'success', text: t('library.imported', { name: r.value.recipe.name }) }
        : { kind: 'warning', text: t('library.otherExtract', { name: r.value.recipe.name }) },
    );
    await refresh();
  };

  return (
    <aside className="card cohort-library" aria-labelledby="library-title" data-testid="cohort-library">
      <h3 id="library-title" className="card__subtitle">{t('library.title')}</h3>
      <form className="input-row" onSubmit={submitSave}>
        <label htmlFor="library-name" className="sr-only">{t('library.name')}</label>
        <input
          id="library-name"
          className="input input--grow"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('library.namePlaceholder')}
          maxLength={120}
          autoComplete="off"
          data-testid="cohort-name"
        />
        <button type="submit" className="button button--primary" disabled={name.trim() === ''} data-testid="cohort-save">
          {t('library.save')}
        </button>
      </form>
      {pending?.kind === 'overwrite' && (
        <div className="confirm" role="alertdialog" aria-label={t('library.overwriteQ', { name: pending.name })}>
          <span>{t('library.overwriteQ', { name: pending.name })}</span>
          <button type="button" className="button button--danger" onClick={() => void save(true)} autoFocus>{t('library.overwrite')}</button>
          <button type="button" className="button" onClick={() => setPending(null)}>{t('common.cancel')}</button>
        </div>
      )}
      {recipePrompt && (
        // Full width of the library, wrapping under the field: a recipe path is long.
        <SavePathPrompt
          key={recipePrompt.name}
          initial={recipePrompt.initial}
          ext="json"
          onSubmit={(path) => void writeRecipe(recipePrompt.name, path)}
          onCancel={() => setRecipePrompt(null)}
          testId="recipe-save-path"
        />
      )}
      <ErrorMessage error={error} onDismiss={() => setError(null)} testId="library-error" />
      {notice && <Notice kind={notice.kind} testId="library-notice">{notice.text}</Notice>}
      {cohorts === null ? (
        <p className="field__hint">{t('common.loading')}</p>
      ) : cohorts.length === 0 ? (
        <p className="field__hint">{t('library.empty')}</p>
      ) : (
        <ul className="library-list" data-testid="cohort-list">
          {cohorts.map((c) => (
            <li key={c.name} className={c.name === currentName ? 'library-item library-item--current' : 'library-item'} data-name={c.name}>
              {pending?.kind === 'rename' && pending.name === c.name ? (
                <form className="input-row" onSubmit={(e) => { e.preventDefault(); void rename(c.name, pending.to); }}>
                  <label htmlFor={`rename-${c.name}`} className="sr-only">{t('library.newName')}</label>
                  <input id={`rename-${c.name}`} className="input input--grow" value={pending.to} onChange={(e) => setPending({ ...pending, to: e.target.value })} maxLength={120} autoFocus />
                  <button type="submit" className="button button--primary" disabled={pending.to.trim() === ''}>{t('common.ok')}</button>
                  <button type="button" className="button" onClick={() => setPending(null)}>{t('common.cancel')}</button>
                </form>
              ) : (
                <>
                  <div className="library-item__head">
                    <span className="library-item__name">{c.name}</span>
                    <span className="library-item__date">{formatDate(c.updatedAt.slice(0, 10), lang)}</span>
                  </div>
                  <div className="library-item__summary" data-testid="cohort-list-summary">
                    <span className="library-item__count" data-testid="cohort-list-count">
                      {t('library.count', { n: sizes[c.name] === undefined ? '…' : formatCount(sizes[c.name], lang) })}
                    </span>{' '}
                    · {cohortSummary(c.definition, lang)}
                  </div>
                  {pending?.kind === 'delete' && pending.name === c.name ? (
                    <div className="confirm" role="alertdialog" aria-label={t('library.deleteQ', { name: c.name })}>
                      <span>{t('library.deleteQ', { name: c.name })}</span>
                      <button type="button" className="button button--danger" onClick={() => void remove(c.name)} autoFocus>{t('library.delete')}</button>
                      <button type="button" className="button" onClick={() => setPending(null)}>{t('common.cancel')}</button>
                    </div>
                  ) : (
                    <div className="library-item__actions">
                      <button type="button" className="button button--small" onClick={() => { onLoad(c.name, c.definition, 'saved'); setNotice(null); }} data-testid="cohort-load">{t('library.load')}</button>
                      <button type="button" className="button button--small" onClick={() => setPending({ kind: 'rename', name: c.name, to: c.name })}>{t('library.rename')}</button>
                      <button type="button" className="button button--small" onClick={() => void exportRecipe(c.name)} data-testid="cohort-export">{t('library.export')}</button>
                      <button type="button" className="button button--small button--ghost" onClick={() => setPending({ kind: 'delete', name: c.name })}>{t('library.delete')}</button>
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="library-import">
        <input
          ref={fileRef}
          id="library-import"
          type="file"
          accept=".json,application/json"
          className="sr-only"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importRecipe(file);
          }}
          data-testid="cohort-import-file"
        />
        <button type="button" className="button" onClick={() => fileRef.current?.click()}>{t('library.import')}</button>
        <p className="field__hint">{t('library.importHint')}</p>
      </div>
    </aside>
  );
}
