import { ROLE_LABELS, type IncidentState, type Millis } from '../incident';

/** One role holder's stint and what they logged in it, in the spirit of the ICS-214 form. */
export interface ActivityStint {
  role: string;
  name: string;
  from: Millis;
  to: Millis | null;
  activities: Array<{ at: Millis; kind: string; text: string }>;
}

export function activityLog(state: IncidentState): ActivityStint[] {
  return state.roleHistory.map((stint) => {
    const key = stint.name.trim().toLowerCase();
    const end = stint.to ?? Number.POSITIVE_INFINITY;
    const activities = state.timeline
      .filter((e) => {
        const byThem = e.actor.trim().toLowerCase() === key || e.attribution?.trim().toLowerCase() === key || e.attribution === stint.role;
        return byThem && e.at >= stint.from && e.at < end && !e.struck;
      })
      .map((e) => ({ at: e.at, kind: e.kind, text: e.text }));
    return {
      role: stint.role === 'responder' ? 'Responder' : ROLE_LABELS[stint.role],
      name: stint.name,
      from: stint.from,
      to: stint.to,
      activities,
    };
  });
}
