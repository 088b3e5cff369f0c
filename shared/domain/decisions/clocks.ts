import type { ParsedInput } from '../../contract/contract';
import { CommandFailure } from '../../contract/result';
import { nextUpdateDue } from '../deadlines';
import { hashDraft } from '../drafts/export';
import { AUDIENCE_OF } from '../drafts/values';
import type { EventDraft } from '../events';
import type { Audience, IncidentState, Severity } from '../incident';
import { isKnownOperator, operatorHolds } from '../operator';
import type { Settings } from '../settings';
import { zoneOf } from '../../time/zone';
import { type DecisionContext, refuse, requireOpen } from './context';
import { withCapitalArticle } from '../grammar';
import { dueShiftNote } from './due-shift';
import { drillBannerMissing } from '../../drills/marking';

const minutes = (m: number | null) => (m === null ? null : m * 60_000);

/** The reason, and what the new cadence does to the update already owed (see `dueShiftNote`). */
function withShift(reason: string, audience: Audience, intervalMinutes: number | null, firstMinutes: number | null, moved?: Moved): string {
  if (!moved) return reason;
  const clock = { intervalMs: minutes(intervalMinutes), firstMs: minutes(firstMinutes) };
  const note = dueShiftNote(moved.state, audience, clock, moved.now, zoneOf(moved.settings));
  return note ? `${reason}. ${note}` : reason;
}

/** The incident a policy replaces the clocks of, when it already has some. */
interface Moved {
  state: IncidentState;
  now: number;
  settings: Settings;
}

/** The cadence and escalation an incident runs on at `severity`, from the settings' policies. */
export function policyDrafts(settings: Settings, severity: Severity, reason: string, moved?: Omit<Moved, 'settings'>): EventDraft[] {
  const c = settings.cadence[severity];
  const shift = moved && { ...moved, settings };
  return [
    {
      type: 'cadence.set',
      payload: { audience: 'internal', intervalMinutes: c.internalMinutes, firstMinutes: null, reason: withShift(reason, 'internal', c.internalMinutes, null, shift) },
    },
    {
      type: 'cadence.set',
      payload: {
        audience: 'external',
        intervalMinutes: c.externalMinutes,
        firstMinutes: c.firstExternalMinutes,
        reason: withShift(reason, 'external', c.externalMinutes, c.firstExternalMinutes, shift),
      },
    },
    { type: 'escalation.policySet', payload: { severity, tiers: settings.escalation[severity].map((t) => ({ ...t })) } },
  ];
}

export function setCadence(state: IncidentState, input: ParsedInput<'cadence.set'>, ctx: DecisionContext): EventDraft[] {
  requireOpen(state, 'change its cadence');
  const firstMinutes = input.firstMinutes ?? null;
  const reason = input.reason || 'changed by the incident commander';
  return [
    {
      type: 'cadence.set',
      payload: {
        audience: input.audience,
        intervalMinutes: input.intervalMinutes,
        firstMinutes,
        reason: withShift(reason, input.audience, input.intervalMinutes, firstMinutes, { state, now: ctx.now, settings: ctx.settings }),
      },
    },
  ];
}

export function acknowledge(state: IncidentState, input: ParsedInput<'escalation.acknowledge'>, ctx: DecisionContext): EventDraft[] {
  if (state.timestamps.acknowledgedAt !== null) refuse('Already acknowledged.');
  return [{ type: 'escalation.acknowledged', payload: { by: input.by || ctx.actor } }];
}

export function pageExpert(state: IncidentState, input: ParsedInput<'escalation.page'>): EventDraft[] {
  requireOpen(state, 'page anyone');
  return [
    {
      type: 'escalation.paged',
      payload: { target: input.target, contact: input.contact, tier: null, reason: input.reason, dueAt: null },
    },
  ];
}

/**
 * The approval is the IC's: the operator at this console must hold the role now, or say on the
 * record why they approve in the IC's place. An unknown operator cannot sign for anyone.
 */
export function approveUpdate(state: IncidentState, input: ParsedInput<'update.approve'>, ctx: DecisionContext): EventDraft[] {
  if (!isKnownOperator(ctx.actor)) {
    refuse('Approvals are signed: say who is at this console first (Switch operator), then approve.');
  }
  const unmarked = drillBannerMissing(state, input.body);
  if (unmarked) refuse(unmarked);
  const hash = hashDraft(input.body);
  if (state.approvals.some((a) => a.draftId === input.draftId && a.bodyHash === hash)) refuse('This exact draft is already approved.');
  const payload = { draftId: input.draftId, kind: input.kind, bodyHash: hash };
  if (operatorHolds(state, 'incident-commander', ctx.actor)) return [{ type: 'update.approved', payload }];
  if (!input.override) {
    const ic = state.roles['incident-commander'];
    refuse(
      `${ic ? `${ic.name} holds incident commander, not ${ctx.actor}` : 'Nobody holds incident commander'}. ` +
        'The IC approves; to approve in their place, give a reason for the override.',
    );
  }
  return [{ type: 'update.approved', payload: { ...payload, override: { reason: input.override.reason } } }];
}

export function sendUpdate(
  state: IncidentState,
  input: ParsedInput<'update.send'>,
  ctx: DecisionContext,
): EventDraft[] {
  const audience = AUDIENCE_OF[input.kind];
  const unmarked = drillBannerMissing(state, input.body);
  if (unmarked) refuse(unmarked);
  if (ctx.settings.approvalRequired[input.kind]) {
    const approval = state.approvals.findLast((a) => a.draftId === input.draftId);
    if (!approval) throw new CommandFailure('CONFLICT', `${withCapitalArticle(input.kind)} update needs the incident commander's approval before it is sent.`);
    if (approval.bodyHash !== hashDraft(input.body)) {
      throw new CommandFailure('CONFLICT', 'The text changed after it was approved; ask for approval again.');
    }
  }
  if (state.updates.some((u) => u.id === input.draftId)) refuse('This draft was already logged as sent.');
  return [
    {
      type: 'update.sent',
      payload: {
        updateId: input.draftId,
        draftId: input.draftId,
        audience,
        kind: input.kind,
        channel: input.channel,
        recipients: input.recipients,
        body: input.body,
        dueAt: nextUpdateDue(state, audience),
      },
    },
  ];
}
