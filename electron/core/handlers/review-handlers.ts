import type { ParsedInput } from '../../../shared/contract/contract';
import { type MetricsReport, metricsReport } from '../../../shared/metrics/report';
import type { HandlerContext } from './context';

export function reportMetrics(ctx: HandlerContext, input: ParsedInput<'metrics.report'>): MetricsReport {
  const list = ctx.registry.cardsOfAll();
  return metricsReport(list, input, ctx.now());
}
