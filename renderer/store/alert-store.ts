import { create } from 'zustand';

/** A fired deadline, a policy page or a new detection from monitoring the person has not dismissed yet. */
export interface ActiveAlert {
  /** The event's id: one alert per event, even if it arrives twice. */
  id: string;
  incidentId: string;
  incidentTitle: string;
  title: string;
  body: string;
  at: number;
  /** `triage`: a detection from monitoring waiting to be declared, attached or dismissed. */
  kind: 'cadence' | 'check-in' | 'escalation' | 'triage';
  /** For a cadence alert: whose update is overdue. */
  audience: 'internal' | 'external' | null;
  /** What it is about (see `liveAlertCauses`); it goes once that is settled. */
  cause: string;
}

interface AlertStore {
  alerts: ActiveAlert[];
}

export const useAlerts = create<AlertStore>(() => ({ alerts: [] }));

/** Keeps the newest few: a wall of forty banners helps nobody. */
const KEEP = 6;

export function pushAlert(alert: ActiveAlert): boolean {
  const { alerts } = useAlerts.getState();
  if (alerts.some((a) => a.id === alert.id)) return false;
  useAlerts.setState({ alerts: [...alerts, alert].slice(-KEEP) });
  return true;
}

/**
 * Drops an incident's alerts whose cause is settled (acknowledged, sent, reported, resolved):
 * a banner belongs to its deadline. Only ever removes, so a late, older answer cannot bring one back.
 */
export function settleAlerts(incidentId: string, liveCauses: readonly string[]): void {
  const { alerts } = useAlerts.getState();
  const live = new Set(liveCauses);
  const kept = alerts.filter((a) => a.incidentId !== incidentId || live.has(a.cause));
  if (kept.length !== alerts.length) useAlerts.setState({ alerts: kept });
}

export function dismissAlert(id: string): void {
  useAlerts.setState((s) => ({ alerts: s.alerts.filter((a) => a.id !== id) }));
}

export function dismissAllAlerts(): void {
  useAlerts.setState({ alerts: [] });
}

/** An acknowledged incident's pages no longer call for attention. */
export function dismissEscalationAlerts(incidentId: string): void {
  useAlerts.setState((s) => ({ alerts: s.alerts.filter((a) => !(a.kind === 'escalation' && a.incidentId === incidentId)) }));
}
