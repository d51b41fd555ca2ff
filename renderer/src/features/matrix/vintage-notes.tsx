import type { Vintage } from '../../../../shared/geo/area-level';
import { useI18n } from '../../i18n/i18n';

/**
 * What the chosen vintage does besides the mergers, beside the vintage choice: recodes, the
 * post-2025 11002 ambiguity and the 2025 boundary changes (docs/matrix-definitions.md § Vintage
 * notes, checked against resources/refdata). The note that matters most for the vintage comes first.
 */
const TEXT = {
  nl: {
    summary: 'toelichting',
    title: 'Over indeling {v}',
    lead: {
      '2014': 'Indeling 2014: de 589 gemeenten van 2014–2018. Latere codes worden teruggezet waar dat kan.',
      '2019': 'Indeling 2019: de 581 gemeenten van 2019–2024.',
      '2025': 'Indeling 2025: de 565 gemeenten vanaf 2025.',
    },
    recode:
      'Hercoderingen worden teruggezet: in 2019 kregen elf Henegouwse gemeenten een nieuwe code zonder grenswijziging (bv. La Louvière 55022 → 58001); in indeling 2014 telt 58001 als 55022. Een fusiegemeente (bv. 12041 Puurs-Sint-Amands in 2014) valt niet te splitsen en telt als Onbekend. Door dezelfde hervorming verschillen de arrondissementen van Henegouwen tussen 2014 en 2019.',
    antwerp:
      '11002 Antwerpen na 1/1/2025 kan het vroegere Borsbeek zijn: Borsbeek (11007) fuseerde met Antwerpen, dat zijn code hield. In indelingen 2014 en 2019 telt zo’n adres als Antwerpen, en een nieuwe record met 11002 voor een Borsbeekse inwoner lijkt daar een verhuizing Borsbeek → Antwerpen. In indeling 2025 is beide Antwerpen.',
    borders:
      'Grenswijzigingen in 2025: Zwijndrecht (11056) hoort bij Beveren-Kruibeke-Zwijndrecht in arrondissement Sint-Niklaas, provincie Oost-Vlaanderen (voordien arrondissement en provincie Antwerpen); Moerbeke (44045) bij Lokeren in arrondissement Sint-Niklaas (voordien Gent); Kortessem (73040) bij Hasselt in arrondissement Hasselt (voordien Tongeren). Arrondissements- en provinciematrices van 2019 en 2025 verschillen daardoor, ook voor wie niet verhuisde.',
  },
  en: {
    summary: 'notes',
    title: 'About vintage {v}',
    lead: {
      '2014': 'Vintage 2014: the 589 municipalities of 2014–2018. Later codes are mapped back where possible.',
      '2019': 'Vintage 2019: the 581 municipalities of 2019–2024.',
      '2025': 'Vintage 2025: the 565 municipalities from 2025.',
    },
    recode:
      'Recodes map back: in 2019 eleven Hainaut municipalities got a new code without a change of territory (e.g. La Louvière 55022 → 58001); in vintage 2014, 58001 counts as 55022. A merged municipality (e.g. 12041 Puurs-Sint-Amands in 2014) cannot be split and counts as Unknown. The same reform makes the Hainaut arrondissements differ between 2014 and 2019.',
    antwerp:
      '11002 Antwerpen after 1/1/2025 may be former Borsbeek: Borsbeek (11007) merged into Antwerpen, which kept its code. In vintages 2014 and 2019 such an address counts as Antwerpen, and a new record with 11002 for a Borsbeek resident looks like a move Borsbeek → Antwerpen there. In vintage 2025 both are Antwerpen.',
    borders:
      'Boundary changes in 2025: Zwijndrecht (11056) is part of Beveren-Kruibeke-Zwijndrecht in the arrondissement of Sint-Niklaas, province of Oost-Vlaanderen (before: arrondissement and province of Antwerpen); Moerbeke (44045) part of Lokeren in the arrondissement of Sint-Niklaas (before: Gent); Kortessem (73040) part of Hasselt in the arrondissement of Hasselt (before: Tongeren). Arrondissement and province matrices of 2019 and 2025 therefore differ, even for persons who did not move.',
  },
} as const;

const ORDER: Record<Vintage, ('recode' | 'antwerp' | 'borders')[]> = {
  '2014': ['recode', 'antwerp', 'borders'],
  '2019': ['antwerp', 'borders', 'recode'],
  '2025': ['borders', 'antwerp', 'recode'],
};

export function VintageNotes({ vintage }: { vintage: Vintage }) {
  const { lang } = useI18n();
  const T = TEXT[lang];
  return (
    <details className="vintage-notes" data-testid="vintage-notes">
      <summary aria-label={T.title.replace('{v}', vintage)} title={T.title.replace('{v}', vintage)}>
        {T.summary}
      </summary>
      <div className="vintage-notes__body">
        <p className="vintage-notes__title">{T.title.replace('{v}', vintage)}</p>
        <p>{T.lead[vintage]}</p>
        <ul>
          {ORDER[vintage].map((k) => (
            <li key={k} data-note={k}>
              {T[k]}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
