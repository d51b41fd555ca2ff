import { useEffect, useState } from 'react';
import type { CrosstabDefinition } from '../../../../shared/crosstab/crosstab-definition';
import type { ApiError } from '../../../../shared/api/result';
import { settle, verhuis } from '../../api/verhuis';
import { ErrorMessage } from '../../components/error-message';
import { useProfileText } from '../profile/profile-i18n';

/**
 * Keeps the cross-tab (with its custom groups) with a saved cohort, so the cohort's recipe
 * file carries it; or loads the one kept with a cohort.
 */
export function SavedWithCohort({ definition, onLoad }: { definition: CrosstabDefinition | null; onLoad: (d: CrosstabDefinition) => void }) {
  const { pt } = useProfileText();
  const [names, setNames] = useState<string[]>([]);
  const [name, setName] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    void settle(() => verhuis().cohort.list({})).then((r) => {
      if (!r.ok) return;
      const list = r.value.cohorts.map((c) => c.name);
      setNames(list);
      setName((n) => n || list[0] || '');
    });
  }, []);
  if (names.length === 0) return <p className="field__hint" data-testid="crosstab-saved-none">{pt('crosstab.savedNone')}</p>;
  const save = async () => {
    if (!definition) return;
    const r = await settle(() => verhuis().crosstab.saveWithCohort({ cohortName: name, definition }));
    setError(r.ok ? null : r.error);
    setNote(r.ok ? pt('crosstab.savedDone', { name }) : null);
  };
  const load = async () => {
    const r = await settle(() => verhuis().crosstab.saved({ cohortName: name }));
    setError(r.ok ? null : r.error);
    if (r.ok && r.value.definition) {
      onLoad(r.value.definition);
      setNote(pt('crosstab.loaded', { name }));
    } else if (r.ok) setNote(pt('crosstab.savedMissing', { name }));
  };
  return (
    <div className="input-row" data-testid="crosstab-saved">
      <label className="field">
        <span className="field__label">{pt('crosstab.savedCohort')}</span>
        <select className="input" value={name} onChange={(e) => setName(e.target.value)} data-testid="crosstab-saved-cohort">
          {names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" disabled={!definition} onClick={() => void save()} data-testid="crosstab-save">
        {pt('crosstab.save')}
      </button>
      <button type="button" className="button" onClick={() => void load()} data-testid="crosstab-load">
        {pt('crosstab.load')}
      </button>
      {note && <span className="field__hint" role="status">{note}</span>}
      <ErrorMessage error={error} onDismiss={() => setError(null)} />
    </div>
  );
}
