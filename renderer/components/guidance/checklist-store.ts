import { create } from 'zustand';

interface ChecklistPanelStore {
  /** Folded by default: 12 items would push the roles out of sight on a laptop. */
  expanded: boolean;
  /** Bumped when a next step asks for the checklist: the panel opens and takes focus. */
  focusRequest: number;
}

export const useChecklistPanel = create<ChecklistPanelStore>(() => ({ expanded: false, focusRequest: 0 }));

export const setChecklistExpanded = (expanded: boolean) => useChecklistPanel.setState({ expanded });

export function focusChecklist(): void {
  useChecklistPanel.setState((s) => ({ expanded: true, focusRequest: s.focusRequest + 1 }));
}
