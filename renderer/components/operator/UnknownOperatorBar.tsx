import { isKnownOperator } from '../../../shared/domain/operator';
import { openOperatorPrompt, useOperatorPrompt } from '../../store/operator-store';
import { useSettings } from '../../store/settings-store';
import './identity.css';

/** The identity prompt, folded: it stays in view until someone says who is at the console. */
export function UnknownOperatorBar() {
  const settings = useSettings((s) => s.settings);
  const asking = useOperatorPrompt((s) => s.open);
  if (!settings || asking || isKnownOperator(settings.operatorName)) return null;
  return (
    <div className="unknown-operator-bar" role="status" data-testid="unknown-operator-bar">
      <span>
        Nobody has said who is at this console: changes are signed <strong>“Unknown operator”</strong> and nobody can approve as IC.
      </span>
      <button type="button" className="btn btn-sm" onClick={openOperatorPrompt}>
        Say who you are
      </button>
    </div>
  );
}
