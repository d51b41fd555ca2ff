import { Component, type ReactNode } from 'react';
import { errorMessage } from '../../../shared/api/errors';
import type { RenderPart } from '../../../shared/api/methods/app';
import { settle, verhuis } from '../api/verhuis';
import { ErrorMessage } from './error-message';
import { useI18n } from '../i18n/i18n';

interface Props {
  /** Which view or chart this guards: logged with the error code, shown to tests as data-part. */
  part: RenderPart;
  children: ReactNode;
  /** A change of this value (new data, another level) clears the error and tries again by itself. */
  resetKey?: unknown;
}

interface State {
  failed: boolean;
  /** Bumped by "try again": remounts the children from scratch. */
  attempt: number;
}

/**
 * Keeps a failing view or chart from blanking the window (there is no reload in Electron):
 * the failing part shows the RENDER_FAILED message and a "try again" button, the error code
 * and the part go to the app's log (never the message or stack: they may quote data), and
 * the navigation and every other part keep working.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, attempt: 0 };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  override componentDidCatch(): void {
    const part = this.props.part;
    void settle(() => verhuis().app.reportRenderError({ code: 'RENDER_FAILED', part }));
  }

  override componentDidUpdate(prev: Props): void {
    if (this.state.failed && prev.resetKey !== this.props.resetKey) this.setState((s) => ({ failed: false, attempt: s.attempt + 1 }));
  }

  private retry = (): void => this.setState((s) => ({ failed: false, attempt: s.attempt + 1 }));

  override render(): ReactNode {
    if (this.state.failed) return <RenderFailed part={this.props.part} onRetry={this.retry} />;
    return (
      <FaultProbe key={this.state.attempt} part={this.props.part}>
        {this.props.children}
      </FaultProbe>
    );
  }
}

const RETRY = { nl: 'Opnieuw proberen', en: 'Try again' } as const;

function RenderFailed({ part, onRetry }: { part: RenderPart; onRetry: () => void }) {
  const { lang } = useI18n();
  return (
    <div className="render-failed" data-testid="render-failed" data-part={part}>
      <ErrorMessage error={{ code: 'RENDER_FAILED', message: errorMessage('RENDER_FAILED') }} testId="render-failed-message" />
      <button type="button" className="button" onClick={onRetry} data-testid="render-failed-retry">
        {RETRY[lang]}
      </button>
    </div>
  );
}

/**
 * The end-to-end tests prove the boundary on a real render error: a test sets
 * `window.__verhuisRenderFault` to a part, and that part throws while it renders.
 * Nothing in the app sets it.
 */
function FaultProbe({ part, children }: { part: RenderPart; children: ReactNode }) {
  if ((window as { __verhuisRenderFault?: string }).__verhuisRenderFault === part) throw new Error(`render fault injected for ${part}`);
  return <>{children}</>;
}
