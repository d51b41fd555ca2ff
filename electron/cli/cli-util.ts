import { UsageError, type CliContext } from './cli-context';

export function positiveInt(text: string | boolean, flag: string): number {
  const n = typeof text === 'string' && /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError({ nl: `${flag} verwacht een positief geheel getal.`, en: `${flag} expects a positive whole number.` });
  return n;
}

/** A one-line progress indicator on stderr, only on a terminal. Call with null to end it. */
export function progressPrinter(ctx: CliContext, unit: string): (fraction: number | null, count?: number, perSecond?: number) => void {
  const tty = process.stderr.isTTY;
  let shown = false;
  return (fraction, count, perSecond) => {
    if (!tty) return;
    if (fraction === null) {
      if (shown) process.stderr.write('\n');
      return;
    }
    shown = true;
    const rate = perSecond ? `, ${ctx.number(Math.round(perSecond))}/s` : '';
    process.stderr.write(`\r${(fraction * 100).toFixed(0).padStart(3)}%  ${ctx.number(count ?? 0)} ${unit}${rate}   `);
  };
}
