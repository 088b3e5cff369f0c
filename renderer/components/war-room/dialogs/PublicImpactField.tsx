import { useEffect, useState } from 'react';
import type { IncidentView } from '../../../../shared/contract/contract';
import { LIMITS } from '../../../../shared/contract/limits';
import { api } from '../../../api';

interface Props {
  incident: IncidentView;
  /** Called with the incident as it will be once saved, so the draft can be refilled from it. */
  onSaved: (incident: IncidentView) => void;
}

/**
 * What customers notice, in their words. It heads every external update instead of the
 * internal title, and belongs to the incident, so the next update starts from it.
 */
export function PublicImpactField({ incident, onSaved }: Props) {
  const saved = incident.publicImpact ?? '';
  const [value, setValue] = useState(saved);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setValue(saved), [saved]);

  async function save() {
    const next = value.trim();
    if (next === saved) return;
    const result = await api.call('incident.update', { incidentId: incident.id, publicImpact: next });
    if (!result.ok) {
      setError(result.error.message.replace(/^incident\.update: (publicImpact: )?/, ''));
      return;
    }
    setError(null);
    onSaved({ ...incident, publicImpact: next });
  }

  return (
    <label className="field">
      <span className="field-label">Impact for customers</span>
      <input
        className="input"
        data-testid="public-impact"
        value={value}
        maxLength={LIMITS.publicImpact}
        placeholder="e.g. Some customers cannot complete checkout"
        aria-describedby="public-impact-hint"
        onChange={(e) => setValue(e.target.value)}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void save();
          }
        }}
      />
      <span className="field-hint" id="public-impact-hint">
        {error ?? 'Heads external updates instead of the internal title. Kept on the incident.'}
      </span>
    </label>
  );
}
