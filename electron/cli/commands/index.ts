import type { CliCommand } from './command';

/**
 * The CLI's commands: name → module (loaded on use). Each command lives in its own file
 * in this folder and exports `command`; add one line here per command.
 */
export const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  'demo-data': () => import('./demo-data').then((m) => m.command),
  import: () => import('./import').then((m) => m.command),
  info: () => import('./info').then((m) => m.command),
  quality: () => import('./quality').then((m) => m.command),
  matrix: () => import('./matrix').then((m) => m.command),
  crosstab: () => import('./crosstab').then((m) => m.command),
  profile: () => import('./profile').then((m) => m.command),
  'audit verify': () => import('./audit-verify').then((m) => m.command),
  'audit report': () => import('./audit-report').then((m) => m.command),
};
