import { dismissSettingsNotices, useSettingsNotices } from '../store/settings-notice-store';

/** The settings file could not be read at start: the defaults are in use, and the file was kept, not lost. */
export function SettingsNoticeBanner() {
  const notices = useSettingsNotices((s) => s.notices);
  const dismissed = useSettingsNotices((s) => s.dismissed);
  if (notices.length === 0 || dismissed) return null;
  return (
    <div className="integrity-banner integrity-repaired" role="alert" data-testid="settings-notice">
      <div className="integrity-text">
        <strong>Settings reset to the defaults — the settings file could not be read.</strong>
        <ul className="integrity-problems">
          {notices.map((notice) => (
            <li key={notice.keptAs}>
              {notice.message} Roster, policies and templates are the defaults until you set them again in Settings.
            </li>
          ))}
        </ul>
      </div>
      <button type="button" className="btn" onClick={dismissSettingsNotices} data-testid="settings-notice-dismiss">
        Dismiss
      </button>
    </div>
  );
}
