import type { EntryKind } from '../../shared/domain/incident';
import { KIND_LABELS } from '../lib/labels';

export function KindTag({ kind }: { kind: EntryKind }) {
  return <span className={`kind-tag kind-${kind}`}>{KIND_LABELS[kind]}</span>;
}
