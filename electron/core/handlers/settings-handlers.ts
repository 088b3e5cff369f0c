import type { ParsedInput } from '../../../shared/contract/contract';
import type { Settings } from '../../../shared/domain/settings';
import type { HandlerContext } from './context';

export function getSettings(ctx: HandlerContext): Settings {
  return ctx.settings.read();
}

export function updateSettings(ctx: HandlerContext, patch: ParsedInput<'settings.update'>): Settings {
  const next = { ...ctx.settings.read() };
  if (patch.operatorName !== undefined) next.operatorName = patch.operatorName;
  ctx.settings.write(next);
  return ctx.settings.read();
}
