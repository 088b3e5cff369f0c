import type { FormSpec } from './use-settings-form';

export interface OperatorDraft {
  operatorName: string;
  operatorContact: string;
  operatorTimeZone: string;
}

export const operatorSpec: FormSpec<OperatorDraft> = {
  id: 'operator',
  fromSettings: (s) => ({ operatorName: s.operatorName, operatorContact: s.operatorContact, operatorTimeZone: s.operatorTimeZone }),
  toPatch: (d) => ({ patch: { operatorName: d.operatorName, operatorContact: d.operatorContact, operatorTimeZone: d.operatorTimeZone } }),
};
