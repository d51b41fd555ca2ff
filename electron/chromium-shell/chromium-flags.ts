/**
 * Chromium switches for the shell: nothing phones home (no background networking, component
 * updates, sync or QUIC), no GPU process (headless VMs), no first-run UI. The sandbox is off
 * only when running as root, where Chromium refuses to start with it.
 */
export function chromiumArgs(options: { isRoot: boolean }): string[] {
  return [
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-domain-reliability',
    '--no-pings',
    '--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,CertificateTransparencyComponentUpdater',
    ...(options.isRoot ? ['--no-sandbox'] : []),
  ];
}

export const isRootUser = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;
