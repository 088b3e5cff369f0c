import { isKnownOperator, UNKNOWN_OPERATOR } from '../../../shared/domain/operator';
import { openOperatorPrompt, useOperatorName } from '../../store/operator-store';
import './identity.css';

/**
 * "You: Dana Whitfield" at the top of the rail, on every screen (the war-room header keeps its
 * width for the incident's title at 1366 px); one click hands the console to the next person.
 */
export function OperatorSwitch() {
  const name = useOperatorName();
  const known = isKnownOperator(name);
  return (
    <button
      type="button"
      className={`operator-switch${known ? '' : ' is-unknown'}`}
      data-testid="switch-operator"
      title={known ? `Changes from this console are signed “${name}”. Click when someone else takes the keyboard.` : 'Nobody has said who is at this console'}
      onClick={openOperatorPrompt}
    >
      <span className="operator-badge" data-testid="operator-badge">
        <span className="operator-badge-label">You</span> <span className="operator-badge-name">{known ? name : UNKNOWN_OPERATOR}</span>
      </span>
      <span className="operator-switch-verb">{known ? 'Switch' : 'Say who you are'}</span>
    </button>
  );
}
