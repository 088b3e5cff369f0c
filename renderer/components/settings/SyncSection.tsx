import { useEffect } from 'react';
import type { SyncSettingsView } from '../../../shared/contract/contract';
import { loadSyncSettings, useSyncSettings } from '../../store/sync-settings-store';
import { Notice } from '../Notice';
import { useSyncWords } from '../sync/use-sync-words';
import { AddressField } from './AddressField';
import { OnOffSwitch } from './OnOffSwitch';
import { FieldError, invalidProps } from './FieldError';
import { PasswordField } from './PasswordField';
import { SectionFrame } from './SectionFrame';
import { setFormState } from './draft-store';
import { connectionAdvice, URL_EXAMPLE } from './sync-form';
import { SyncTestButton } from './SyncTestButton';
import { useSyncForm } from './use-sync-form';
import '../sync/sync.css';

const DESCRIPTION =
  'Share incidents with teammates through the team’s PostgreSQL database. Work never waits for it: offline, everything is kept here and sent when the database is back.';

/** What team sync is doing now, in the pill's words. */
function SyncNow() {
  const words = useSyncWords();
  if (!words) return null;
  return (
    <p className="sync-now" data-testid="sync-settings-now">
      <span className={`sync-pill sync-${words.status.state} sync-pill-static`}>
        <span className="sync-dot" aria-hidden="true" />
        {words.label}
      </span>
      <span className="sync-now-detail">{words.detail}</span>
    </p>
  );
}

function ConsoleId({ id }: { id: string }) {
  return (
    <div className="field">
      <span className="field-label">This console</span>
      <span className="console-id" data-testid="sync-console-id">
        {id}
      </span>
      <p className="field-help">Teammates see this name beside every change made here, so they know which machine it came from.</p>
    </div>
  );
}

/** Started with --sync-url: the command line owns the connection, and this section only shows it. */
function CommandLineSync({ view }: { view: SyncSettingsView }) {
  const words = useSyncWords();
  return (
    <SectionFrame id="sync" title="Team sync" description={DESCRIPTION}>
      <div className="card card-narrow" data-testid="sync-from-command-line">
        <SyncNow />
        <p className="callout">
          <strong>This console was started with --sync-url.</strong> The connection comes from the command line and cannot be
          changed here; restart Command Post without --sync-url to set it in this section.
        </p>
        <dl className="sync-facts">
          <div className="sync-fact">
            <dt>Database</dt>
            <dd className="sync-mono">{words?.status.target ?? '—'}</dd>
          </div>
          <div className="sync-fact">
            <dt>Team</dt>
            <dd>{words?.status.team ?? '—'}</dd>
          </div>
        </dl>
        <ConsoleId id={view.consoleId} />
      </div>
    </SectionFrame>
  );
}

function SyncForm({ view }: { view: SyncSettingsView }) {
  const form = useSyncForm(view);
  const { errors } = form.state;
  const saving = form.state.status === 'saving';
  const advice = connectionAdvice(form.value.url);
  return (
    <SectionFrame id="sync" title="Team sync" description={DESCRIPTION} form={form}>
      <div className="card card-narrow">
        <SyncNow />
        <OnOffSwitch
          name="Team sync"
          testId="sync-enabled"
          on={form.value.enabled}
          disabled={saving}
          onMeans="On: new incidents are shared with the team unless you untick it when declaring."
          offMeans="Off: incidents stay on this machine. Nothing is sent anywhere."
          onChange={(enabled) => form.update((d) => ({ ...d, enabled }))}
        />
        <AddressField
          label="Connection URL"
          testId="sync-url"
          value={form.value.url}
          placeholder={URL_EXAMPLE}
          disabled={saving}
          error={errors.url}
          onChange={(url) => form.update((d) => ({ ...d, url }), 'url')}
        />
        <p className="field-help">
          Your own login, not a shared one: teammates see it on what you change. Keep <code>sslmode=verify-full</code> at the
          end: the connection is encrypted and the server’s certificate is checked, so nobody in between can read incidents or
          the password.
        </p>
        {advice.map((line) => (
          <p key={line} className="sync-advice" data-testid="sync-advice">
            {line}
          </p>
        ))}
        <label className="field">
          <span className="field-label">Team id</span>
          <input
            className="input input-mono input-team"
            data-testid="sync-team"
            value={form.value.team}
            placeholder="e.g. payments-oncall"
            spellCheck={false}
            autoComplete="off"
            disabled={saving}
            onChange={(e) => {
              const team = e.target.value;
              form.update((d) => ({ ...d, team }), 'team');
            }}
            {...invalidProps('team', errors.team)}
          />
          <FieldError path="team" message={errors.team} />
        </label>
        <PasswordField
          hasPassword={view.hasPassword}
          choice={form.value.password}
          error={errors.password}
          disabled={saving}
          onChange={(password) => form.update((d) => ({ ...d, password }), 'password')}
        />
        <p className="field-help">
          The password is kept in the operating system’s keychain (desktop app) or in a file only you can read in the data
          folder (browser host), never in settings, exports or bundles, and never shown again.
        </p>
        <SyncTestButton draft={form.value} disabled={saving} onInvalid={(found) => setFormState('sync', { errors: found })} />
        <ConsoleId id={view.consoleId} />
      </div>
    </SectionFrame>
  );
}

export function SyncSection() {
  const view = useSyncSettings((s) => s.view);
  const error = useSyncSettings((s) => s.error);
  useEffect(() => void loadSyncSettings(), []);
  if (!view) {
    return error ? (
      <Notice tone="danger" title="Could not load the team sync settings">
        {error.message}
        <button type="button" className="btn" onClick={() => void loadSyncSettings()}>
          Try again
        </button>
      </Notice>
    ) : (
      <Notice title="Loading team sync…" />
    );
  }
  return view.fromCommandLine ? <CommandLineSync view={view} /> : <SyncForm view={view} />;
}
