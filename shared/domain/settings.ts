// Settings the operator keeps between incidents (roster, policies and templates join later).
export interface Settings {
  /** Name written as the actor of every change made from this machine. */
  operatorName: string;
}

export const DEFAULT_SETTINGS: Settings = {
  operatorName: '',
};
