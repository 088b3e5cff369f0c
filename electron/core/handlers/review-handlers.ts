import type { ParsedInput } from '../../../shared/contract/contract';
import { summarize } from '../../../shared/domain/incident';
import { type MetricsReport, metricsReport } from '../../../shared/metrics/report';
import type { HandlerContext } from './context';

export function reportMetrics(ctx: HandlerContext, input: ParsedInput<'metrics.report'>): MetricsReport {
  const list = ctx.registry.all().flatMap((log) => (log.state ? [summarize(log.state)] : []));
  return metricsReport(list, input, ctx.now());
}
