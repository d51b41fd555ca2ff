import { DEFAULT_COHORT, type CohortDefinition } from '../../../../shared/cohort/cohort-definition';
import { formatCount, formatDuration } from '../../../../shared/format/number-format';
import { ErrorMessage } from '../../components/error-message';
import { useI18n } from '../../i18n/i18n';
import { CohortFields } from './cohort-fields';
import { CohortLibrary } from './cohort-library';
import { activeFilterCount, EMPTY_COHORT, sameDefinition } from './cohort-model';
import { useLiveCount } from './use-live-count';
import { CohortBadge } from './cohort-badge';
import type { CohortIdentity } from './cohort-identity';
import { useRef, useState } from 'react';
import { FieldValidityProvider } from './field-validity';
import { focusFirstHeading } from '../../components/focus-heading';

interface Props {
  cohort: CohortDefinition;
  identity: CohortIdentity | null;
  /** A new definition; `identity` given when the cohort was loaded, saved, imported, renamed or reset (null: unnamed). */
  onChange: (cohort: CohortDefinition, identity?: CohortIdentity | null) => void;
}

/** The cohort builder: every field of the definition, a live person count, and the library of named cohorts. */
export function CohortView({ cohort, identity, onChange }: Props) {
  const { t, lang } = useI18n();
  const count = useLiveCount(cohort);
  const filters = activeFilterCount(cohort);
  // While a field holds an invalid entry there is no n: the count would be that of the last valid cohort.
  const [invalidFields, setInvalidFields] = useState(0);
  const blocked = invalidFields > 0;
  const viewRef = useRef<HTMLElement>(null);
  // The buttons below disable themselves once used: focus goes to the view's heading, not the page.
  const reset = (def: CohortDefinition) => {
    onChange(def, null);
    requestAnimationFrame(() => focusFirstHeading(viewRef.current));
  };
  return (
    <section className="cohort-view" data-testid="cohort-view" aria-labelledby="cohort-title" ref={viewRef}>
      <div className="cohort-view__head">
        <div>
          <h2 id="cohort-title" className="view-title">{t('cohort.title')}</h2>
          <CohortBadge testId="cohort-identity" />
          <p className="field__hint">{t('cohort.filters', { n: filters })}</p>
        </div>
        <div className={count.pending ? 'live-count live-count--pending' : 'live-count'} aria-live="polite" aria-busy={count.pending}>
          <span
            className="live-count__value"
            data-testid="cohort-live-count"
            data-persons={blocked ? '' : (count.persons ?? '')}
            data-pending={count.pending ? 'true' : 'false'}
            data-blocked={blocked ? 'true' : 'false'}
          >
            {blocked ? 'n = –' : count.persons === null ? (count.pending ? t('cohort.counting') : 'n = –') : t('cohort.count', { n: formatCount(count.persons, lang) })}
          </span>
          {blocked && <span className="live-count__time">{t('cohort.countBlocked')}</span>}
          {!blocked && count.computeMs !== null && !count.pending && <span className="live-count__time">{formatDuration(count.computeMs, lang)}</span>}
        </div>
        <div className="cohort-view__actions">
          <button type="button" className="button" onClick={() => reset(DEFAULT_COHORT)} disabled={sameDefinition(cohort, DEFAULT_COHORT)}>
            {t('cohort.resetDefault')}
          </button>
          <button type="button" className="button button--ghost" onClick={() => reset(EMPTY_COHORT)} disabled={sameDefinition(cohort, EMPTY_COHORT)}>
            {t('cohort.clearAll')}
          </button>
        </div>
      </div>
      <ErrorMessage error={count.error} testId="cohort-count-error" />
      <div className="cohort-view__body">
        <FieldValidityProvider onChange={setInvalidFields}>
          <CohortFields value={cohort} onChange={(def) => onChange(def)} />
        </FieldValidityProvider>
        <CohortLibrary
          definition={cohort}
          currentName={identity?.source === 'saved' ? identity.name : null}
          onLoad={(name, def, source) => onChange(def, { name, source, base: def })}
          onRenamed={(from, to) => {
            if (identity?.source === 'saved' && from === identity.name) onChange(cohort, { ...identity, name: to });
          }}
        />
      </div>
    </section>
  );
}
