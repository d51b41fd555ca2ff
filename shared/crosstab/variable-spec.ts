import { CENTRUMSTEDEN_GROUP, CrosstabVariable, SIMPLE_VARIABLES } from './crosstab-definition';

/**
 * The CLI's short form of a variable:
 *   status | sex | decisionYear | applicationYear | kbiTarget | trajectoryStarted | attestationObtained | nt2Level
 *   nationality[:top=N]
 *   ageBand[:0-17,18-64,65+]
 *   area:LEVEL@decision|reference|YYYY-MM-DD[:VINTAGE][:centrumsteden]
 * Returns the parsed variable or an error text (English; the CLI adds its own wording).
 */
export function parseVariableSpec(spec: string): { ok: true; value: CrosstabVariable } | { ok: false; error: string } {
  const [name, ...rest] = spec.trim().split(':');
  let raw: unknown;
  if ((SIMPLE_VARIABLES as readonly string[]).includes(name) && rest.length === 0) raw = { var: name };
  else if (name === 'nationality') {
    const top = rest[0]?.match(/^top=(\d+)$/);
    if (rest.length > 1 || (rest.length === 1 && !top)) return { ok: false, error: 'nationality[:top=N]' };
    raw = { var: 'nationality', top: top ? Number(top[1]) : null };
  } else if (name === 'ageBand') {
    if (rest.length > 1) return { ok: false, error: 'ageBand[:0-17,18-64,65+]' };
    const bands = rest.length ? rest[0].split(',').map((b) => b.match(/^(\d+)(?:-(\d+)|\+)$/)) : [];
    if (bands.some((m) => !m)) return { ok: false, error: 'ageBand[:0-17,18-64,65+]' };
    raw = { var: 'ageBand', bands: bands.map((m) => ({ min: Number(m![1]), max: m![2] === undefined ? 120 : Number(m![2]) })) };
  } else if (name === 'area') {
    const where = rest[0]?.match(/^([a-z]+)@(decision|reference|\d{4}-\d{2}-\d{2})$/);
    if (!where || rest.length > 3) return { ok: false, error: 'area:LEVEL@decision|reference|YYYY-MM-DD[:VINTAGE][:centrumsteden]' };
    const extra = rest.slice(1);
    const vintage = extra.find((x) => /^\d{4}$/.test(x)) ?? '2019';
    const groups = extra.includes('centrumsteden') ? [CENTRUMSTEDEN_GROUP] : [];
    if (extra.some((x) => !/^\d{4}$/.test(x) && x !== 'centrumsteden')) return { ok: false, error: 'area: unknown option' };
    const at = where[2] === 'decision' || where[2] === 'reference' ? where[2] : 'date';
    raw = { var: 'area', level: where[1], at, date: at === 'date' ? where[2] : null, vintage, groups };
  } else return { ok: false, error: `unknown variable ${name}` };
  const parsed = CrosstabVariable.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid' };
}
