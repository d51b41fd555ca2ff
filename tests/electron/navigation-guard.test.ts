import { describe, expect, it, vi } from 'vitest';
import { guardAllWebContents } from '../../electron/main/navigation-guard';
import type { WebContentsLike } from '../../electron/main/electron-like';
import { cancellableEvent } from './fakes';

function fakeContents() {
  const listeners = new Map<string, (e: { preventDefault(): void }) => void>();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  const contents = {
    on: (event: string, l: (e: { preventDefault(): void }) => void) => listeners.set(event, l),
    setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => void (openHandler = h),
    send: vi.fn(),
    isDestroyed: () => false,
  } as unknown as WebContentsLike;
  return { contents, listeners, openHandler: () => openHandler };
}

describe('navigation guard', () => {
  it('guards every web contents the app creates: no navigation, redirects, webviews or new windows', () => {
    let created: ((e: unknown, c: WebContentsLike) => void) | null = null;
    guardAllWebContents({ on: (event: string, l: never) => void (event === 'web-contents-created' && (created = l)) } as never);
    const f = fakeContents();
    created!({}, f.contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = cancellableEvent();
      f.listeners.get(event)!(e);
      expect(e.preventDefault, event).toHaveBeenCalled();
    }
    expect(f.openHandler()!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(f.openHandler()!({ url: 'app://verhuisverkenner/index.html' })).toEqual({ action: 'deny' });
  });
});
