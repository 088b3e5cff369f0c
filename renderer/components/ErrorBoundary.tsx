import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * A drawing bug must not blank the war-room: show what failed and a way back. Nothing is
 * lost by reloading: the engine holds the state and the scribe's draft is in storage.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Command Post: a view failed to draw', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section className="notice notice-danger" role="alert" data-testid="view-error">
        <h2 className="notice-title">This view failed to draw</h2>
        <div className="notice-body">
          <p>{error.message}</p>
          <p>Everything logged is safe in the engine, and an unsent line is kept.</p>
          <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </section>
    );
  }
}
