import { create } from 'zustand';

interface UiStore {
  declareOpen: boolean;
}

/** Purely visual state that more than one component opens or closes. */
export const useUi = create<UiStore>(() => ({ declareOpen: false }));

export const openDeclareDialog = () => useUi.setState({ declareOpen: true });
export const setDeclareOpen = (declareOpen: boolean) => useUi.setState({ declareOpen });
