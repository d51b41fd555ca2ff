/** Dates as whole days since 1970-01-01 (UTC) for cheap arithmetic in the generator. */
const MS_PER_DAY = 86_400_000;

export const isoToDay = (iso: string): number =>
  Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY);

export const dayToIso = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

export const yearOfDay = (day: number): number => new Date(day * MS_PER_DAY).getUTCFullYear();
export const monthOfDay = (day: number): number => new Date(day * MS_PER_DAY).getUTCMonth() + 1;
