import os from 'node:os';
import path from 'node:path';

export interface ShellArgs {
  headless?: boolean;
  extract?: string;
  autoOpenDemo: boolean;
  screenshot?: string;
  dataDir: string;
}

/** The per-user settings folder, where Electron keeps its userData on each platform. */
export function defaultDataDir(): string {
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? os.homedir(), 'Verhuisverkenner');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Verhuisverkenner');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'Verhuisverkenner');
}

export const SHELL_USAGE =
  'usage: chromium-shell [--headless] [--extract FILE] [--no-auto-open] [--screenshot FILE.png] [--data-dir DIR]';

/** Parses the shell's command line; throws with the usage line on anything unknown. */
export function parseShellArgs(argv: string[]): ShellArgs {
  const args: ShellArgs = { autoOpenDemo: true, dataDir: defaultDataDir() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (!v || v.startsWith('--')) throw new Error(`${a} needs a value\n${SHELL_USAGE}`);
      return v;
    };
    if (a === '--headless') args.headless = true;
    else if (a === '--no-auto-open') args.autoOpenDemo = false;
    else if (a === '--extract') args.extract = path.resolve(value());
    else if (a === '--screenshot') args.screenshot = path.resolve(value());
    else if (a === '--data-dir') args.dataDir = path.resolve(value());
    else throw new Error(`unknown option ${a}\n${SHELL_USAGE}`);
  }
  return args;
}
