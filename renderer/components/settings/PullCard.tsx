import type { IntakeSourcesView } from '../../../shared/contract/contract';
import { formatClockIn } from '../../../shared/time/format';
import { useNow } from '../../lib/use-now';
import { useTimeZone } from '../../lib/zone';
import { AddressField } from './AddressField';
import { OnOffSwitch } from './OnOffSwitch';
import { FieldError, invalidProps } from './FieldError';
import { PasswordField } from './PasswordField';
import { INTERVAL_MAX, INTERVAL_MIN, PULL_URL_EXAMPLE, pullStatusWords, secretName, type PullAuth } from './pull-form';
import { SubForm } from './SubForm';
import { usePullForm } from './use-pull-form';
import '../sync/sync.css';

const AUTH_KINDS: { value: PullAuth; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'bearer', label: 'Bearer token' },
  { value: 'basic', label: 'Basic (user name and password)' },
];

/** The sync pill's colours for how polling goes: calm when answered, red when failing, dashed when off. */
function PullNow({ view }: { view: IntakeSourcesView }) {
  const now = useNow();
  const zone = useTimeZone();
  const words = pullStatusWords(view.pull, view.status, now, (ms) => formatClockIn(ms, zone, false));
  return (
    <p className="sync-now" data-testid="pull-status" data-tone={words.tone}>
      <span className={`sync-pill sync-${words.tone} sync-pill-static`}>
        <span className="sync-dot" aria-hidden="true" />
        {words.label}
      </span>
      <span className="sync-now-detail" data-testid="pull-status-text">
        {words.text}
      </span>
    </p>
  );
}

/** Follow an Alertmanager by polling it, for a console that webhooks cannot reach (a laptop behind NAT). */
export function PullCard({ view }: { view: IntakeSourcesView }) {
  const form = usePullForm(view);
  const { errors } = form.state;
  const saving = form.state.status === 'saving';
  const { auth } = form.value;
  return (
    <SubForm titleId="pull-title" testId="pull-form" form={form}>
      <h3 className="card-heading" id="pull-title">
        Follow an Alertmanager
      </h3>
      <p className="field-help">
        For a console webhooks cannot reach (a laptop behind NAT): it asks Alertmanager for its alerts every few seconds and
        feeds them in as if they were posted. An alert gone from the answer is logged as resolved.
      </p>
      <PullNow view={view} />
      <OnOffSwitch
        name="Polling"
        testId="pull-enabled"
        on={form.value.enabled}
        disabled={saving}
        onMeans="On: once saved, this Alertmanager is polled."
        offMeans="Off: the address is kept, nothing is polled."
        onChange={(enabled) => form.update((d) => ({ ...d, enabled }))}
      />
      <AddressField
        label="Alertmanager address"
        testId="pull-url"
        value={form.value.url}
        placeholder={PULL_URL_EXAMPLE}
        disabled={saving}
        error={errors.url}
        onChange={(url) => form.update((d) => ({ ...d, url }), 'url')}
      />
      <div className="pull-row">
        <label className="field">
          <span className="field-label">Sign-in</span>
          <select
            className="input pull-auth"
            data-testid="pull-auth"
            value={auth}
            disabled={saving}
            onChange={(e) => {
              const next = e.target.value as PullAuth;
              form.update((d) => ({ ...d, auth: next }), 'auth');
            }}
          >
            {AUTH_KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Poll every</span>
          <span className="input-with-unit">
            <input
              className="input input-number"
              inputMode="numeric"
              data-testid="pull-interval"
              value={form.value.intervalSeconds}
              disabled={saving}
              onChange={(e) => {
                const intervalSeconds = e.target.value;
                form.update((d) => ({ ...d, intervalSeconds }), 'intervalSeconds');
              }}
              {...invalidProps('intervalSeconds', errors.intervalSeconds)}
            />
            <span className="unit">
              seconds ({INTERVAL_MIN}–{INTERVAL_MAX})
            </span>
          </span>
          <FieldError path="intervalSeconds" message={errors.intervalSeconds} />
        </label>
      </div>
      {auth === 'basic' && (
        <label className="field">
          <span className="field-label">User name</span>
          <input
            className="input input-team"
            data-testid="pull-username"
            value={form.value.username}
            spellCheck={false}
            autoComplete="off"
            disabled={saving}
            onChange={(e) => {
              const username = e.target.value;
              form.update((d) => ({ ...d, username }), 'username');
            }}
            {...invalidProps('username', errors.username)}
          />
          <FieldError path="username" message={errors.username} />
        </label>
      )}
      {auth !== 'none' && (
        <>
          <PasswordField
            label={secretName(auth)}
            name="pull-secret"
            path="secret"
            hasPassword={view.pull?.hasSecret ?? false}
            choice={form.value.secret}
            error={errors.secret}
            disabled={saving}
            onChange={(secret) => form.update((d) => ({ ...d, secret }), 'secret')}
          />
          <p className="field-help">Kept apart from settings in a file only you can read, never in exports, and never shown again.</p>
        </>
      )}
    </SubForm>
  );
}
