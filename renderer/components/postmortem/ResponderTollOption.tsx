import { useState } from 'react';
import { useSettings } from '../../store/settings-store';

/**
 * Whether the next bundle carries the private responder-hours file. Offered only where the leads
 * turned the figures on; unticked by default and after every export, so it is never carried over.
 */
export function useResponderTollChoice() {
  const shown = useSettings((s) => s.settings?.showResponderToll === true);
  const [ticked, setTicked] = useState(false);
  return {
    shown,
    ticked: shown && ticked,
    setTicked,
    /** The choice for this export, and the box unticked for the next. */
    take: () => {
      setTicked(false);
      return shown && ticked;
    },
  };
}

export function ResponderTollOption({ choice, disabled }: { choice: ReturnType<typeof useResponderTollChoice>; disabled: boolean }) {
  if (!choice.shown) return null;
  return (
    <label className="rt-names" title="A private file of each person's hours on this incident, for the team's leads. Blameless; not in a bundle unless ticked.">
      <input type="checkbox" data-testid="export-responder-toll" checked={choice.ticked} disabled={disabled} onChange={(e) => choice.setTicked(e.target.checked)} />
      Include responder hours (private, for leads)
    </label>
  );
}
