import { parseArgs } from 'node:util';
import pkg from '../../package.json';
import { CliFailure, UsageError, chooseLang, defaultDataDir, findResourcesDir, makeCliContext, type Lang } from './cli-context';
import { COMMANDS } from './commands/index';
import type { CliCommand } from './commands/command';
import { isPlainPassphraseArg } from './passphrase';
import { isReleaseBuild } from '../engine/core/build-kind';

/**
 * `npm run cli -- <command> [options]`: batch and reproducible runs over the same engine
 * (same dispatch, validation, error codes and messages) as the desktop app.
 */
const GLOBAL_OPTIONS = {
  lang: { type: 'string' },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
/**
 * --resources-dir replaces the reference data (area names in every release): development and
 * test builds only. A release build does not know the option (parseArgs refuses it).
 */
const DEV_OPTIONS: Record<string, { type: 'string' }> = isReleaseBuild() ? {} : { 'resources-dir': { type: 'string' } };

async function main(argv: string[]): Promise<number> {
  const langFlag = argv.find((a) => a.startsWith('--lang='))?.slice(7) ?? (argv.includes('--lang') ? argv[argv.indexOf('--lang') + 1] : undefined);
  const lang = chooseLang(langFlag, process.env);
  const say = (text: { nl: string; en: string }) => text[lang];
  try {
    if (argv.some(isPlainPassphraseArg)) {
      throw new UsageError({
        nl: 'Een wachtwoordzin wordt nooit als argument aanvaard (die komt in de shellgeschiedenis). Gebruik --passphrase-file FILE, de variabele VERHUIS_PASSPHRASE of de vraag in de terminal.',
        en: 'A passphrase is never accepted as an argument (it would end up in shell history). Use --passphrase-file FILE, the VERHUIS_PASSPHRASE variable or the terminal prompt.',
      });
    }
    // The command comes first: one or two words before the first option.
    const lead = argv.findIndex((a) => a.startsWith('-'));
    const words = (lead === -1 ? argv : argv.slice(0, lead)).slice(0, 2);
    const name = [words.join(' '), words[0]].find((n) => n && n in COMMANDS);
    if (!name) {
      process.stdout.write(await helpText(lang));
      return words.length === 0 || argv.includes('--help') || argv.includes('-h') ? 0 : 2;
    }
    const command = await COMMANDS[name]();
    const rest = [...argv];
    for (const w of name.split(' ')) rest.splice(rest.indexOf(w), 1);
    const { values, positionals } = parseArgs({ args: rest, options: { ...GLOBAL_OPTIONS, ...DEV_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
    if (values.help) {
      process.stdout.write(commandHelp(command, lang));
      return 0;
    }
    const ctx = makeCliContext({
      lang,
      resourcesDir: findResourcesDir(isReleaseBuild() ? undefined : ((values as Record<string, unknown>)['resources-dir'] as string | undefined)),
      dataDir: (values['data-dir'] as string | undefined) ?? defaultDataDir(),
      appVersion: pkg.version,
    });
    return await command.run(ctx, values as Record<string, string | boolean | undefined>, positionals);
  } catch (err) {
    if (err instanceof CliFailure) {
      process.stderr.write(`${err.error.code}: ${err.error.message[lang]}\n`);
      const lines = (err.error.detail as { lines?: string[] } | undefined)?.lines ?? [];
      for (const line of lines) process.stderr.write(`  ${line}\n`);
      return 1;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`${say(err.text)}\n`);
      return 2;
    }
    if (err instanceof Error && 'code' in err && String((err as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    if (err instanceof Error && err.name === 'AppError') {
      // Raised by engine code the CLI calls directly (e.g. the generator): same code and message as the UI.
      const api = (err as unknown as { toApiError(): { code: string; message: Record<Lang, string> } }).toApiError();
      process.stderr.write(`${api.code}: ${api.message[lang]}\n`);
      return 1;
    }
    process.stderr.write(lang === 'nl' ? 'INTERNAL: Er ging iets mis.\n' : 'INTERNAL: Something went wrong.\n');
    if (process.env.VERHUIS_DEBUG) console.error(err);
    return 1;
  }
}

async function helpText(lang: Lang): Promise<string> {
  const lines = [
    lang === 'nl' ? 'Verhuisverkenner — opdrachtregel' : 'Verhuisverkenner — command line',
    '',
    `  npm run cli -- <${lang === 'nl' ? 'opdracht' : 'command'}> [options]`,
    '',
  ];
  for (const load of Object.values(COMMANDS)) {
    const c = await load();
    lines.push(`  ${c.name}  ${c.usage}`, `      ${c.summary[lang]}`);
  }
  lines.push(
    '',
    lang === 'nl'
      ? `Algemeen: --lang nl|en, --data-dir DIR (tenzij de beheerder de map vastlegt)${isReleaseBuild() ? '' : ', --resources-dir DIR (alleen ontwikkeling)'}. Wachtwoordzin: vraag in de terminal of --passphrase-file FILE (nooit als argument).`
      : `General: --lang nl|en, --data-dir DIR (unless the administrator pins the folder)${isReleaseBuild() ? '' : ', --resources-dir DIR (development only)'}. Passphrase: terminal prompt or --passphrase-file FILE (never as an argument).`,
    '',
  );
  return lines.join('\n');
}

function commandHelp(c: CliCommand, lang: Lang): string {
  const options = c.help ? ['', lang === 'nl' ? 'Opties:' : 'Options:', ...c.help(lang)] : [];
  return [`npm run cli -- ${c.name} ${c.usage}`, '', c.summary[lang], ...options, ''].join('\n');
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 1;
  },
);
