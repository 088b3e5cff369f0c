/**
 * The name of every command of the contract, and nothing else: what the Electron preload needs
 * to refuse an unknown name before any IPC, without bundling the contract's zod schemas (which
 * made the preload ~460 KiB). Kept by hand in the contract's order; command-names.test.ts
 * fails when it and `Object.keys(commands)` part.
 */
export const COMMAND_NAME_LIST = [
  'incident.declare',
  'incident.list',
  'incident.get',
  'incident.detect',
  'incident.promote',
  'incident.attach',
  'incident.dismiss',
  'incident.setStatus',
  'incident.setSeverity',
  'incident.setTime',
  'incident.update',
  'role.assign',
  'role.handoff',
  'role.release',
  'responder.add',
  'responder.remove',
  'workstream.open',
  'workstream.update',
  'timeline.log',
  'timeline.amend',
  'timeline.strike',
  'timeline.pin',
  'cadence.set',
  'escalation.acknowledge',
  'escalation.page',
  'update.compose',
  'update.approve',
  'update.send',
  'update.export',
  'postmortem.update',
  'action.add',
  'action.update',
  'bundle.export',
  'scribe.export',
  'bundle.import',
  'metrics.report',
  'journal.recover',
  'settings.get',
  'settings.notices',
  'settings.update',
  'roster.save',
  'roster.remove',
  'sync.status',
  'sync.settings',
  'sync.configure',
  'sync.test',
  'incident.share',
  'conflict.settle',
  'intake.sources',
  'intake.configurePull',
  'intake.endpoint',
  'intake.rotateToken',
  'alerts.silence',
  'contract.describe',
] as const;

export type ListedCommandName = (typeof COMMAND_NAME_LIST)[number];

const listed: ReadonlySet<string> = new Set(COMMAND_NAME_LIST);

export function isListedCommandName(name: unknown): name is ListedCommandName {
  return typeof name === 'string' && listed.has(name);
}
