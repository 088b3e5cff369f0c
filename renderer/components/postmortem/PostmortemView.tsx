import type { IncidentView } from '../../../shared/contract/contract';
import { Notice } from '../Notice';

export function PostmortemView({ incident }: { incident: IncidentView }) {
  return <Notice title={`Post-mortem: ${incident.title}`}>The post-mortem editor is being built.</Notice>;
}
