import { readFileSync } from 'node:fs';

/**
 * Where the CLI gets a passphrase: `--passphrase-file FILE`, the VERHUIS_PASSPHRASE
 * environment variable, or an interactive prompt with echo off. Never from a plain
 * argument: that would land in shell history and in the process list.
 */
export class PassphraseUnavailable extends Error {
  constructor(readonly reason: 'no-source' | 'empty' | 'mismatch' | 'unreadable-file') {
    super(reason);
  }
}

export interface PassphraseSource {
  file?: string;
  env: NodeJS.ProcessEnv;
  /** Ask twice when prompting (a new extract). */
  confirm: boolean;
  promptText: string;
  confirmText: string;
}

/** True for `--passphrase` or `--passphrase=…`, which the CLI refuses outright. */
export const isPlainPassphraseArg = (arg: string): boolean => arg === '--passphrase' || arg.startsWith('--passphrase=');

export async function readPassphrase(src: PassphraseSource): Promise<string> {
  if (src.file) {
    let text: string;
    try {
      text = readFileSync(src.file, 'utf8');
    } catch {
      throw new PassphraseUnavailable('unreadable-file');
    }
    const value = text.replace(/\r?\n$/, '');
    if (!value) throw new PassphraseUnavailable('empty');
    return value;
  }
  const fromEnv = src.env.VERHUIS_PASSPHRASE;
  if (fromEnv !== undefined) {
    if (!fromEnv) throw new PassphraseUnavailable('empty');
    return fromEnv;
  }
  if (!process.stdin.isTTY) throw new PassphraseUnavailable('no-source');
  const first = await promptHidden(src.promptText);
  if (!first) throw new PassphraseUnavailable('empty');
  if (src.confirm && (await promptHidden(src.confirmText)) !== first) throw new PassphraseUnavailable('mismatch');
  return first;
}

/** Reads one line from the terminal without echoing it. */
function promptHidden(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(text);
    stdin.setRawMode(true);
    stdin.resume();
    let value = '';
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new PassphraseUnavailable('no-source'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
