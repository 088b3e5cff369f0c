import type { FormSpec } from './use-settings-form';

export interface AlertsDraft {
  alertSound: boolean;
}

export const alertsSpec: FormSpec<AlertsDraft> = {
  id: 'alerts',
  fromSettings: (s) => ({ alertSound: s.alertSound }),
  toPatch: (d) => ({ patch: { alertSound: d.alertSound } }),
};
