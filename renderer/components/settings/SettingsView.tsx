import { Notice } from '../Notice';

export function SettingsView() {
  return <Notice title="Settings">Settings are being built.</Notice>;
}
