/**
 * Records everything written to stdout, stderr and the console while a test runs (the
 * output still passes through), so a test can search it for markers.
 */
export interface CapturedOutput {
  text(): string;
  restore(): void;
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'] as const;

export function captureOutput(): CapturedOutput {
  const chunks: string[] = [];
  const record = (chunk: unknown) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
  };
  const restorers: (() => void)[] = [];

  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write;
    stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
      record(chunk);
      return (original as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof stream.write;
    restorers.push(() => {
      stream.write = original;
    });
  }
  for (const name of CONSOLE_METHODS) {
    const original = console[name] as (...a: unknown[]) => void;
    (console as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      record(args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' '));
      original.apply(console, args);
    };
    restorers.push(() => {
      (console as unknown as Record<string, unknown>)[name] = original;
    });
  }
  return {
    text: () => chunks.join('\n'),
    restore: () => restorers.splice(0).forEach((r) => r()),
  };
}

function safeJson(value: unknown): string {
  try {
    return value instanceof Error ? `${value.name}: ${value.message}\n${value.stack ?? ''}` : JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
