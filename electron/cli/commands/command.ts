import type { CliContext } from '../cli-context';

export type OptionSpec = { type: 'string' | 'boolean'; short?: string };
export type OptionValues = Record<string, string | boolean | undefined>;

/** One CLI command: `npm run cli -- <name> [options]`. */
export interface CliCommand {
  /** One or two words, e.g. 'demo-data' or 'audit verify'. */
  name: string;
  summary: { nl: string; en: string };
  /** The option synopsis shown in the help text. */
  usage: string;
  /** Lines of `--help` after the usage: each option with every value it takes. */
  help?: (lang: 'nl' | 'en') => string[];
  options: Record<string, OptionSpec>;
  /** Returns the exit code. */
  run(ctx: CliContext, values: OptionValues, positionals: string[]): Promise<number>;
}
