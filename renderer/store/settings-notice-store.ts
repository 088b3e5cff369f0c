import { create } from 'zustand';
import type { SettingsNotice } from '../../shared/domain/settings';
import { api } from '../api';
import { useConnection } from './connection-store';

interface SettingsNoticeStore {
  /** What the engine said about the settings file at start: empty when it was read as saved. */
  notices: SettingsNotice[];
  dismissed: boolean;
}

export const useSettingsNotices = create<SettingsNoticeStore>(() => ({ notices: [], dismissed: false }));

export async function loadSettingsNotices(): Promise<void> {
  const result = await api.call('settings.notices', {});
  if (result.ok) useSettingsNotices.setState({ notices: result.value });
}

export function dismissSettingsNotices(): void {
  useSettingsNotices.setState({ dismissed: true });
}

// The engine may have restarted (and found a bad file) while this window was away.
useConnection.subscribe((now, before) => {
  if (now.state === 'open' && before.state !== 'open') void loadSettingsNotices();
});
if (useConnection.getState().state === 'open') void loadSettingsNotices();
