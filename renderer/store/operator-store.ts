import { create } from 'zustand';
import { isKnownOperator } from '../../shared/domain/operator';
import { DEFAULT_SETTINGS } from '../../shared/domain/settings';
import { useSettings } from './settings-store';

interface OperatorPromptStore {
  /** The "who is at this console?" dialog is open. */
  open: boolean;
}

/** Whether the identity dialog is up. Who the operator is lives in the settings. */
export const useOperatorPrompt = create<OperatorPromptStore>(() => ({ open: false }));

export const openOperatorPrompt = () => useOperatorPrompt.setState({ open: true });
export const closeOperatorPrompt = () => useOperatorPrompt.setState({ open: false });

/** The operator's name as last read, or '' while nobody has said who they are. */
export function useOperatorName(): string {
  return useSettings((s) => s.settings?.operatorName ?? DEFAULT_SETTINGS.operatorName);
}

// The first answer of the engine decides: a console nobody has said they sit at asks at once.
// Later (the name cleared in Settings) the bar asks instead of a dialog popping up mid-work.
let askedAtStart = false;
useSettings.subscribe((now) => {
  if (askedAtStart || !now.settings) return;
  askedAtStart = true;
  if (!isKnownOperator(now.settings.operatorName)) openOperatorPrompt();
});
