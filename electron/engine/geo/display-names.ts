/**
 * Display names of municipalities. Statbel's long names carry a qualifier ("Sint-Niklaas
 * (Sint-Niklaas)", "Tielt (Tielt)") that distinguishes the municipality from a
 * sub-municipality elsewhere; among municipalities it is noise. The short name is shown,
 * unless two municipalities of the vintage share it in that language (French
 * "Saint-Nicolas": Sint-Niklaas and Saint-Nicolas near Liège); those keep a qualifier:
 * the arrondissement, or the province where the arrondissement has the same name.
 */
export interface NameRow {
  nis_code: string;
  name_nl: string;
  name_fr: string;
  name_nl_short?: string;
  name_fr_short?: string;
  arrondissement_nl: string;
  arrondissement_fr: string;
  province_nl: string;
  province_fr: string;
}

export function municipalityDisplayNames(rows: readonly NameRow[]): Map<string, { nl: string; fr: string }> {
  const out = new Map<string, { nl: string; fr: string }>();
  const pick = (lang: 'nl' | 'fr') => {
    const short = (r: NameRow) => (lang === 'nl' ? r.name_nl_short : r.name_fr_short) || stripQualifier(lang === 'nl' ? r.name_nl : r.name_fr);
    const count = new Map<string, number>();
    for (const r of rows) count.set(short(r), (count.get(short(r)) ?? 0) + 1);
    return (r: NameRow): string => {
      const name = short(r);
      if ((count.get(name) ?? 0) < 2) return name;
      const arr = lang === 'nl' ? r.arrondissement_nl : r.arrondissement_fr;
      const prov = lang === 'nl' ? r.province_nl : r.province_fr;
      const qualifier = arr && arr !== name ? arr : prov || arr;
      return qualifier ? `${name} (${qualifier})` : name;
    };
  };
  const nl = pick('nl');
  const fr = pick('fr');
  for (const r of rows) out.set(r.nis_code, { nl: nl(r), fr: fr(r) });
  return out;
}

const stripQualifier = (name: string): string => name.replace(/\s*\([^)]*\)\s*$/, '');
