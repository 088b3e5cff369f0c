import { useState } from 'react';
import type { IntakeEndpointView } from '../../../shared/contract/contract';
import { setIntakeListen } from '../../store/intake-store';
import { FieldError, invalidProps } from './FieldError';

type Step = { step: 'idle' } | { step: 'saving' } | { step: 'failed'; message: string };

/**
 * The intake alone on another address of this machine, for monitoring that cannot reach
 * 127.0.0.1. Only the intake is served there, never the window; the token still guards it.
 */
export function IntakeListenField({ listen }: { listen: IntakeEndpointView['listen'] }) {
  const [value, setValue] = useState(listen.address ?? '');
  const [state, setState] = useState<Step>({ step: 'idle' });
  const busy = state.step === 'saving';

  async function apply(address: string | null) {
    setState({ step: 'saving' });
    const result = await setIntakeListen(address);
    if (result.ok) {
      setValue(result.value.listen.address ?? '');
      setState({ step: 'idle' });
    } else setState({ step: 'failed', message: result.error.message });
  }

  const refusal = state.step === 'failed' ? state.message : undefined;
  return (
    <form
      className="intake-listen"
      data-testid="intake-listen"
      onSubmit={(event) => {
        event.preventDefault();
        void apply(value.trim() === '' ? null : value);
      }}
    >
      <h4 className="field-label intake-listen-title">Reachable from other machines</h4>
      <p className="field-help">
        For an Alertmanager or Grafana on another host: serve the intake — and only the intake, never this window — on an address of
        this machine as well. Senders still need the intake token. <code>0.0.0.0:9095</code> listens on every interface; senders then
        post to <code>http://THIS-MACHINE:9095/intake/…</code>.
      </p>
      <div className="intake-row">
        <label className="intake-listen-label">
          <span className="sr-only">Intake-only address (HOST:PORT)</span>
          <input
            className="input input-mono intake-listen-input"
            data-testid="intake-listen-input"
            value={value}
            placeholder="0.0.0.0:9095"
            spellCheck={false}
            autoComplete="off"
            disabled={busy}
            onChange={(e) => {
              setValue(e.target.value);
              if (state.step === 'failed') setState({ step: 'idle' });
            }}
            {...invalidProps('intake-listen', refusal)}
          />
        </label>
        <button type="submit" className="btn" data-testid="intake-listen-save" disabled={busy || value.trim() === (listen.address ?? '')}>
          {busy ? 'Opening…' : 'Serve here'}
        </button>
        {listen.address !== null && (
          <button type="button" className="btn btn-quiet" data-testid="intake-listen-stop" disabled={busy} onClick={() => void apply(null)}>
            Stop
          </button>
        )}
      </div>
      <FieldError path="intake-listen" message={refusal} />
      <p className="intake-listen-said" role="status" data-testid="intake-listen-status" data-state={listen.url ? 'serving' : listen.error ? 'failing' : 'off'}>
        {listen.url ? (
          <>
            <span className="dot dot-ok" aria-hidden="true" /> Serving the intake alone at <code>{listen.url}</code>
            {listen.fromCommandLine && ' — given by --intake-listen for this run; saving here replaces it and is kept.'}
          </>
        ) : listen.error ? (
          <>
            <span className="dot dot-error" aria-hidden="true" /> Not served: {listen.error}
          </>
        ) : (
          'Off: the intake is served on 127.0.0.1 only.'
        )}
      </p>
    </form>
  );
}
