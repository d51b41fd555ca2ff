/**
 * The slices of Electron's API the main process uses. Main modules take these instead of
 * importing 'electron', so every hardening setting is unit-tested against a fake.
 * Method syntax keeps the callback parameters bivariant, so the real module fits.
 */
export interface WebRequestDetailsLike {
  url: string;
  method?: string;
  resourceType?: string;
}

export interface SessionLike {
  webRequest: {
    onBeforeRequest(listener: (details: WebRequestDetailsLike, callback: (response: { cancel?: boolean }) => void) => void): void;
  };
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  on(event: 'will-download', listener: (event: { preventDefault(): void }) => void): unknown;
}

export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }): void;
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
  on(event: 'before-input-event', listener: () => void): unknown;
}

export interface BrowserWindowLike {
  webContents: WebContentsLike;
  loadURL(url: string): Promise<void>;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
}

export interface BrowserWindowOptionsLike {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  autoHideMenuBar: boolean;
  webPreferences: WebPreferencesLike;
}

export interface WebPreferencesLike {
  contextIsolation: boolean;
  sandbox: boolean;
  nodeIntegration: boolean;
  nodeIntegrationInWorker: boolean;
  nodeIntegrationInSubFrames: boolean;
  webSecurity: boolean;
  allowRunningInsecureContent: boolean;
  webviewTag: boolean;
  spellcheck: boolean;
  devTools: boolean;
  navigateOnDragDrop: boolean;
  safeDialogs: boolean;
  preload: string;
}

export interface AppLike {
  isPackaged: boolean;
  getVersion(): string;
  getPath(name: 'userData'): string;
  requestSingleInstanceLock(): boolean;
  enableSandbox(): void;
  quit(): void;
  whenReady(): Promise<unknown>;
  on(event: 'second-instance' | 'window-all-closed' | 'before-quit', listener: () => void): unknown;
  on(event: 'web-contents-created', listener: (event: unknown, contents: WebContentsLike) => void): unknown;
}

export interface ProtocolLike {
  registerSchemesAsPrivileged(
    schemes: { scheme: string; privileges: { standard?: boolean; secure?: boolean; supportFetchAPI?: boolean; corsEnabled?: boolean; stream?: boolean; allowServiceWorkers?: boolean; bypassCSP?: boolean; codeCache?: boolean } }[],
  ): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

export interface PowerMonitorLike {
  on(event: 'suspend' | 'lock-screen', listener: () => void): unknown;
  getSystemIdleTime(): number;
}

export interface DialogLike {
  showOpenDialog(
    window: BrowserWindowLike,
    options: { title: string; properties: ('openFile' | 'openDirectory')[]; filters?: { name: string; extensions: string[] }[] },
  ): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(
    window: BrowserWindowLike,
    options: { title: string; defaultPath: string; filters?: { name: string; extensions: string[] }[] },
  ): Promise<{ canceled: boolean; filePath?: string }>;
}

/** Electron's clipboard: main writes only the engine's protected text to it. */
export interface ClipboardLike {
  writeText(text: string): void;
}

export interface ElectronLike {
  app: AppLike;
  protocol: ProtocolLike;
  session: { defaultSession: SessionLike };
  BrowserWindow: new (options: BrowserWindowOptionsLike) => BrowserWindowLike;
  ipcMain: import('../ipc/register-handlers').IpcMainLike;
  powerMonitor: PowerMonitorLike;
  dialog: DialogLike;
  clipboard: ClipboardLike;
}
