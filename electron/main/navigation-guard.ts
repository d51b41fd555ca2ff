import type { AppLike, WebContentsLike } from './electron-like';

/** The renderer is a single page: it never navigates, opens windows or embeds webviews. */
export function guardWebContents(contents: WebContentsLike): void {
  const deny = (event: { preventDefault(): void }) => event.preventDefault();
  contents.on('will-navigate', deny);
  contents.on('will-redirect', deny);
  contents.on('will-attach-webview', deny);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Applies the guard to every web contents the app ever creates, before it loads anything. */
export function guardAllWebContents(app: Pick<AppLike, 'on'>): void {
  app.on('web-contents-created', (_event: unknown, contents: WebContentsLike) => guardWebContents(contents));
}
