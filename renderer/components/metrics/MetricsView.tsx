import { Notice } from '../Notice';

export function MetricsView() {
  return <Notice title="Metrics">Metrics across incidents are being built.</Notice>;
}
