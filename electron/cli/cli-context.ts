import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MethodName, RequestOf, ResponseOf } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/result';
import { errorMessage, type ErrorCode } from '../../shared/api/errors';
import { createEngine, type Engine } from '../engine/core/dispatch';
import { buildHandlers } from '../engine/handlers';
import { setRefdataDir } from '../engine/geo/refdata';
import { PassphraseUnavailable, readPassphrase } from './passphrase';

export type Lang = 'nl' | 'en';

/** An API failure, printed exactly as the UI shows it: code and message. */
export class CliFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.code);
  }
}

/** A mistake in the command line itself (exit code 2). */
export class UsageError extends Error {
  constructor(readonly text: { nl: string; en: string }) {
    super(text.en);
  }
}

export interface CliContext {
  lang: Lang;
  out(line: string): void;
  err(line: string): void;
  t(nl: string, en: string): string;
  number(n: number): string;
  /** The engine, in-process, with the same dispatch (and request validation) as the UI. */
  engine(): Engine;
  call<M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>>;
  passphrase(options: { file?: string; confirm: boolean }): Promise<string>;
  resourcesDir: string;
  dataDir: string;
}

/** NL unless --lang en or a LANG/LC_ALL starting with "en". */
export function chooseLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (flag === 'nl' || flag === 'en') return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/** resources/ of the repository (dist/electron → ../../resources) or of the packaged app. */
export function findResourcesDir(flag?: string): string {
  const candidates = [
    flag,
    path.resolve(__dirname, '../../resources'),
    path.resolve(__dirname, '../resources'),
    (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath,
    path.resolve(process.cwd(), 'resources'),
  ].filter((c): c is string => !!c);
  return candidates.find((c) => existsSync(path.join(c, 'refdata'))) ?? candidates[0];
}

/** The app's per-user folder (same place as Electron's userData), unless --data-dir. */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Verhuisverkenner');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Verhuisverkenner');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Verhuisverkenner');
}

export function makeCliContext(opts: { lang: Lang; resourcesDir: string; dataDir: string; appVersion: string }): CliContext {
  let engine: Engine | null = null;
  const t = (nl: string, en: string) => (opts.lang === 'nl' ? nl : en);
  const fmt = new Intl.NumberFormat(opts.lang === 'nl' ? 'nl-BE' : 'en-BE');
  const ctx: CliContext = {
    lang: opts.lang,
    resourcesDir: opts.resourcesDir,
    dataDir: opts.dataDir,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    t,
    number: (n) => fmt.format(n),
    engine() {
      if (!engine) {
        mkdirSync(opts.dataDir, { recursive: true });
        setRefdataDir(path.join(opts.resourcesDir, 'refdata'));
        engine = createEngine({ resourcesDir: opts.resourcesDir, dataDir: opts.dataDir, appVersion: opts.appVersion }, buildHandlers);
      }
      return engine;
    },
    async call(method, request) {
      const result = await ctx.engine().dispatch(method, request);
      if (!result.ok) throw new CliFailure(result.error);
      return result.value as never;
    },
    async passphrase({ file, confirm }) {
      try {
        return await readPassphrase({
          file,
          env: process.env,
          confirm,
          promptText: t('Wachtwoordzin: ', 'Passphrase: '),
          confirmText: t('Herhaal de wachtwoordzin: ', 'Repeat the passphrase: '),
        });
      } catch (err) {
        if (!(err instanceof PassphraseUnavailable)) throw err;
        const texts = {
          'no-source': ['Geen wachtwoordzin: gebruik --passphrase-file, VERHUIS_PASSPHRASE of een terminal voor de vraag.', 'No passphrase: use --passphrase-file, VERHUIS_PASSPHRASE or a terminal for the prompt.'],
          empty: ['De wachtwoordzin is leeg.', 'The passphrase is empty.'],
          mismatch: ['De twee wachtwoordzinnen verschillen.', 'The two passphrases differ.'],
          'unreadable-file': ['Het wachtwoordbestand kan niet gelezen worden.', 'The passphrase file cannot be read.'],
        }[err.reason];
        throw new UsageError({ nl: texts[0], en: texts[1] });
      }
    },
  };
  return ctx;
}

/** An engine-style failure raised by the CLI itself (same codes and messages as the engine). */
export const cliFailure = (code: ErrorCode, params: Record<string, string | number> = {}) =>
  new CliFailure({ code, message: errorMessage(code, params) });
