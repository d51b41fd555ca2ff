import { useEffect, useState } from 'react';
import type { CohortDefinition } from '../../../../shared/cohort/cohort-definition';
import type { Area, Vintage } from '../../../../shared/geo/area-level';
import type { Fiche } from '../../../../shared/api/methods/matrix';
import type { ApiError } from '../../../../shared/api/result';
import { formatCount } from '../../../../shared/format/number-format';
import { netPhrase, useFicheText } from './fiche-text';
import { settle, verhuis } from '../../api/verhuis';
import { useProgress } from '../../api/use-progress';
import { ErrorMessage, Notice } from '../../components/error-message';
import { ProgressBar } from '../../components/progress-bar';
import { type MatrixTextKey, useMatrixText } from '../matrix/matrix-i18n';
import { ExportButtons } from '../matrix/export-buttons';
import { AreaPicker } from './area-picker';
import { FicheBlocks } from './fiche-blocks';
import '../matrix/matrix.css';
import { SelectField } from '../../components/select-field';
import { CohortBadge } from '../cohort/cohort-badge';

type FicheLevel = 'municipality' | 'arrondissement';

/**
 * The municipality fiche, as the published notes give one per municipality: who of the cohort
 * lives there now, where they came from, where those decided there went, the net gain and the
 * composition, on one screen; exported through the same disclosure-controlled path as matrices.
 */
export function FicheView({ cohort }: { cohort: CohortDefinition }) {
  const { lang, mt } = useMatrixText();
  const { ft } = useFicheText();
  const [cohortSize, setCohortSize] = useState<number | null>(null);
  const [level, setLevel] = useState<FicheLevel>('municipality');
  const [vintage, setVintage] = useState<Vintage>('2019');
  const [areas, setAreas] = useState<Area[]>([]);
  const [code, setCode] = useState<string | null>(null);
  const [fiche, setFiche] = useState<Fiche | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const progress = useProgress('matrix', pending);

  useEffect(() => {
    let live = true;
    void settle(() => verhuis().geo.areas({ level, vintage })).then((res) => {
      if (!live) return;
      if (res.ok) setAreas(res.value.areas);
      else setError(res.error);
    });
    return () => {
      live = false;
    };
  }, [level, vintage]);

  const cohortKey = JSON.stringify(cohort);
  // The size of the cohort the fiche shows, for its cohort line.
  useEffect(() => {
    let live = true;
    setCohortSize(null);
    void settle(() => verhuis().cohort.count({ definition: cohort })).then((res) => {
      if (live && res.ok) setCohortSize(res.value.persons);
    });
    return () => {
      live = false;
    };
  }, [cohortKey]);

  useEffect(() => {
    if (!code) return undefined;
    let live = true;
    setPending(true);
    setError(null);
    void settle(() => verhuis().matrix.fiche({ cohort, level, vintage, areaCode: code })).then((res) => {
      if (!live) return;
      setPending(false);
      if (res.ok) setFiche(res.value);
      else {
        setFiche(null);
        setError(res.error);
      }
    });
    return () => {
      live = false;
    };
  }, [cohortKey, level, vintage, code]);

  return (
    <section className="fiche-view" data-testid="fiche-view">
      {/* The title follows the level: an arrondissement has an arrondissementsfiche. */}
      <h2 className="view-title" data-testid="fiche-title">
        {ft(level === 'arrondissement' ? 'fiche.title.arrondissement' : 'fiche.title.municipality')}
      </h2>
      {/* One line says which cohort the fiche shows: name (or naamloos), gewijzigd, n and summary. */}
      <CohortBadge persons={cohortSize} />
      <div className="fiche-picker">
        <SelectField
          label={mt('fiche.level')}
          value={level}
          options={(['municipality', 'arrondissement'] as const).map((l) => ({ value: l, label: mt(`level.${l}` as MatrixTextKey) }))}
          onChange={(l) => {
            setLevel(l);
            setCode(null);
            setFiche(null);
          }}
          testId="fiche-level"
        />
        <SelectField
          label={mt('matrix.vintage')}
          value={vintage}
          options={(['2014', '2019', '2025'] as const).map((v) => ({ value: v, label: mt(`vintage.${v}` as MatrixTextKey) }))}
          onChange={setVintage}
          testId="fiche-vintage"
        />
        <AreaPicker areas={areas} selected={code} onSelect={setCode} />
        {code && (
          <ExportButtons
            subject={{ kind: 'fiche', cohort, level, vintage, areaCode: code, areaName: areas.find((a) => a.code === code)?.nameNl ?? null }}
          />
        )}
      </div>
      {pending && <ProgressBar progress={progress} label={mt('fiche.loading')} testId="fiche-progress" />}
      <ErrorMessage error={error} testId="fiche-error" />
      {!code && !error && <p className="field__hint">{mt('fiche.choose')}</p>}
      {fiche && (
        <div className="fiche-body" data-testid="fiche-body" data-area={fiche.area.code} data-copy-guard="">
          <h3 className="fiche-body__title">
            {fiche.area.nameNl}
            {fiche.area.nameFr && fiche.area.nameFr !== fiche.area.nameNl ? ` / ${fiche.area.nameFr}` : ''} ({fiche.area.code})
          </h3>
          <div className="fiche-kpis">
            <Kpi label={mt('fiche.livingThere')} value={formatCount(fiche.livingThere, lang)} testId="fiche-living" />
            <Kpi label={mt('fiche.decidedThere')} value={formatCount(fiche.decidedThere, lang)} testId="fiche-decided" />
            <Kpi label={`${ft('fiche.net')} (${ft('fiche.netHint')})`} value={netPhrase(fiche.netGain, lang)} testId="fiche-net" />
          </div>
          {fiche.livingThere === 0 && fiche.decidedThere === 0 ? (
            <Notice kind="info" testId="fiche-empty">
              {ft('fiche.empty')}
            </Notice>
          ) : (
            <FicheBlocks fiche={fiche} />
          )}
        </div>
      )}
    </section>
  );
}

function Kpi({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="fiche-kpi" data-testid={testId}>
      <div className="fiche-kpi__value">{value}</div>
      <div className="fiche-kpi__label">{label}</div>
    </div>
  );
}
