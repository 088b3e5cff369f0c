import { useRef, useState, type KeyboardEvent } from 'react';
import { formatClockIn } from '../../../shared/time/format';
import { currentZone } from '../../lib/zone';
import { loadIntakeEndpoint, rotateIntakeToken, useIntake } from '../../store/intake-store';
import { CopyButton } from './CopyButton';
import { IntakeListenField } from './IntakeListenField';
import { alertmanagerSnippet, grafanaSnippet, intakeAddresses, pagerDutySnippet } from './intake-snippets';

const SNIPPETS = [
  { id: 'alertmanager', label: 'Alertmanager', help: 'In alertmanager.yml (webhook version 4). Alertmanager resends whole groups; the console logs each change once.', build: alertmanagerSnippet },
  { id: 'grafana', label: 'Grafana', help: 'Alerting → Contact points → Webhook: fill in these fields.', build: grafanaSnippet },
  { id: 'pagerduty', label: 'PagerDuty', help: 'Anything that can page PagerDuty (Events API v2) can page the console: the intake token is the routing key.', build: pagerDutySnippet },
] as const;

type SnippetId = (typeof SNIPPETS)[number]['id'];

const MASK = '●'.repeat(12);

type Rotation = { step: 'idle' } | { step: 'confirm' } | { step: 'rotating' } | { step: 'done'; at: number } | { step: 'failed'; message: string };

/** Tabs for the three senders; arrow keys move between them. */
function SnippetTabs({ value, onChange }: { value: SnippetId; onChange: (id: SnippetId) => void }) {
  const refs = useRef<Partial<Record<SnippetId, HTMLButtonElement | null>>>({});
  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const at = SNIPPETS.findIndex((s) => s.id === value);
    const next = SNIPPETS[(at + step + SNIPPETS.length) % SNIPPETS.length]!.id;
    onChange(next);
    refs.current[next]?.focus();
  };
  return (
    <div className="kind-tabs" role="tablist" aria-label="Where alerts come from" onKeyDown={onKeyDown}>
      {SNIPPETS.map((s) => (
        <button
          key={s.id}
          ref={(el) => {
            refs.current[s.id] = el;
          }}
          type="button"
          role="tab"
          id={`intake-tab-${s.id}`}
          aria-selected={s.id === value}
          aria-controls="intake-snippet-panel"
          tabIndex={s.id === value ? 0 : -1}
          className="kind-tab"
          data-testid={`intake-tab-${s.id}`}
          onClick={() => onChange(s.id)}
        >
          {s.label}
        </button>
      ))}
    </div>
  );
}

/** Where monitoring posts alerts, with what token, and ready-made configuration for each sender. */
export function IntakeCard() {
  const endpoint = useIntake((s) => s.endpoint);
  const error = useIntake((s) => s.endpointError);
  const [shown, setShown] = useState(false);
  const [snippet, setSnippet] = useState<SnippetId>('alertmanager');
  const [rotation, setRotation] = useState<Rotation>({ step: 'idle' });

  const title = (
    <h3 className="card-heading" id="intake-title">
      Webhook intake
    </h3>
  );
  if (!endpoint) {
    return (
      <section className="card intake-card" aria-labelledby="intake-title" data-testid="intake-card">
        {title}
        {error ? (
          <p className="field-error" role="alert">
            Could not read the intake address: {error.message}{' '}
            <button type="button" className="btn btn-small" onClick={() => void loadIntakeEndpoint()}>
              Try again
            </button>
          </p>
        ) : (
          <p className="field-help">Loading the intake address…</p>
        )}
      </section>
    );
  }
  if (!endpoint.url || !endpoint.token) {
    return (
      <section className="card intake-card" aria-labelledby="intake-title" data-testid="intake-card">
        {title}
        <p className="callout" data-testid="intake-none">
          <strong>This console serves no alert intake.</strong> Follow an Alertmanager below instead, or start the browser host,
          which prints “Alert intake at …” when it starts.
        </p>
      </section>
    );
  }

  const { url, token } = endpoint;
  const chosen = SNIPPETS.find((s) => s.id === snippet)!;
  const text = chosen.build(url, token);
  const addresses = intakeAddresses(url);

  async function rotate() {
    setRotation({ step: 'rotating' });
    const result = await rotateIntakeToken();
    setRotation(result.ok ? { step: 'done', at: Date.now() } : { step: 'failed', message: result.error.message });
  }

  return (
    <section className="card intake-card" aria-labelledby="intake-title" data-testid="intake-card">
      {title}
      <p className="field-help">
        Alertmanager, Grafana and PagerDuty post alerts here. Every firing alert group becomes a <em>detected</em> incident for
        the on-call to declare, attach or dismiss — never an incident declared by a machine.
      </p>
      <div className="intake-facts">
        <div className="intake-fact">
          <span className="field-label" id="intake-url-label">
            Intake address
          </span>
          <span className="intake-row">
            <code className="intake-value" data-testid="intake-url">
              {url}
            </code>
            <CopyButton text={url} label="Copy the intake address" testId="intake-url-copy" />
          </span>
          <span className="field-help">
            Alertmanager posts to <code>{addresses.alertmanager.slice(url.length)}</code>, Grafana to <code>{addresses.grafana.slice(url.length)}</code>,
            PagerDuty to <code>{addresses.pagerDuty.slice(url.length)}</code> under it.
          </span>
        </div>
        <div className="intake-fact">
          <span className="field-label" id="intake-token-label">
            Intake token
          </span>
          <span className="intake-row">
            <code className="intake-value" data-testid="intake-token" data-shown={shown}>
              {shown ? token : MASK}
            </code>
            <button type="button" className="btn btn-small" aria-pressed={shown} data-testid="intake-token-show" onClick={() => setShown(!shown)}>
              {shown ? 'Hide' : 'Show'}
            </button>
            <CopyButton text={token} label="Copy the intake token" testId="intake-token-copy" />
          </span>
          <span className="field-help">The intake’s own token, not this window’s: it lets a sender post alerts and nothing else.</span>
        </div>
      </div>

      <div className="intake-snippets">
        <SnippetTabs value={snippet} onChange={setSnippet} />
        <div className="intake-snippet-panel" id="intake-snippet-panel" role="tabpanel" aria-labelledby={`intake-tab-${snippet}`}>
          <p className="field-help">{chosen.help}</p>
          <pre className="intake-snippet" data-testid="intake-snippet">
            {(shown ? text : text.split(token).join(MASK)).trimEnd()}
          </pre>
          <span className="intake-row">
            <CopyButton text={text} label={`Copy the ${chosen.label} configuration, token included`} testId="intake-snippet-copy" />
            <span className="field-help">The copy holds the real token even while it is hidden here.</span>
          </span>
        </div>
      </div>

      <IntakeListenField listen={endpoint.listen} />

      <div className="intake-rotate" data-testid="intake-rotate">
        {rotation.step === 'confirm' || rotation.step === 'rotating' ? (
          <div className="intake-confirm" role="group" aria-labelledby="intake-confirm-text">
            <p id="intake-confirm-text" className="intake-confirm-text">
              <strong>Make a new token?</strong> Alertmanager, Grafana and PagerDuty must be given the new one; the old one stops
              working now.
            </p>
            <span className="intake-row">
              <button type="button" className="btn btn-danger" data-testid="intake-rotate-confirm" disabled={rotation.step === 'rotating'} autoFocus onClick={() => void rotate()}>
                {rotation.step === 'rotating' ? 'Making…' : 'Make the new token'}
              </button>
              <button type="button" className="btn btn-quiet" disabled={rotation.step === 'rotating'} onClick={() => setRotation({ step: 'idle' })}>
                Cancel
              </button>
            </span>
          </div>
        ) : (
          <span className="intake-row">
            <button type="button" className="btn" data-testid="intake-rotate-start" onClick={() => setRotation({ step: 'confirm' })}>
              Make a new token
            </button>
            <span className="intake-rotate-said" role="status" data-testid="intake-rotate-said">
              {rotation.step === 'done' &&
                `New token made at ${formatClockIn(rotation.at, currentZone(), false)}: the old one no longer works. Copy the configuration again for each sender.`}
              {rotation.step === 'failed' && `No new token: ${rotation.message} The old one still works.`}
            </span>
          </span>
        )}
      </div>
    </section>
  );
}
