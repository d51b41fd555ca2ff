import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { launchShell } from './launch-shell';
import { parseShellArgs } from './shell-args';
import { ChromiumNotFound } from './find-chromium';

/** `npm run start:chromium`: the real renderer in the system Chromium. */
async function main(): Promise<void> {
  let args;
  try {
    args = parseShellArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  mkdirSync(args.dataDir, { recursive: true });
  const shell = await launchShell({
    headless: args.screenshot ? true : args.headless,
    extract: args.extract,
    autoOpenDemo: args.autoOpenDemo,
    dataDir: args.dataDir,
  });
  const stop = async (code: number) => {
    await shell.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(130));
  process.on('SIGTERM', () => void stop(143));

  if (args.screenshot) {
    // Let React mount and the first calls to the engine settle before the picture.
    await shell.page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0, null, { timeout: 15_000 }).catch(() => undefined);
    await shell.page.waitForLoadState('networkidle').catch(() => undefined);
    await shell.page.waitForTimeout(500);
    mkdirSync(path.dirname(args.screenshot), { recursive: true });
    await shell.page.screenshot({ path: args.screenshot, fullPage: true });
    console.log(`screenshot: ${args.screenshot}`);
    if (shell.requests.length > 0) console.error(`blocked ${shell.requests.length} request(s) outside the app origin`);
    await stop(0);
    return;
  }
  console.log(`Verhuisverkenner (Chromium shell) — close the window or press Ctrl+C to quit.`);
  shell.page.on('close', () => void stop(0));
  shell.browser.on('disconnected', () => void stop(0));
}

void main().catch((err: unknown) => {
  if (err instanceof ChromiumNotFound) {
    console.error(err.message);
    process.exit(1);
  }
  console.error(`chromium shell: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
