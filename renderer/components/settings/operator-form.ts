import type { FormSpec } from './use-settings-form';

export interface OperatorDraft {
  operatorName: string;
}

export const operatorSpec: FormSpec<OperatorDraft> = {
  id: 'operator',
  fromSettings: (s) => ({ operatorName: s.operatorName }),
  toPatch: (d) => ({ patch: { operatorName: d.operatorName } }),
};
