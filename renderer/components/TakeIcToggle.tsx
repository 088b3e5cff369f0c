import { isKnownOperator } from '../../shared/domain/operator';
import { openOperatorPrompt } from '../store/operator-store';

interface Props {
  operatorName: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** "I am the IC": the person declaring takes command in the same step, unless they untick it. */
export function TakeIcToggle({ operatorName, checked, onChange }: Props) {
  const known = isKnownOperator(operatorName);
  return (
    <label className="declare-detect">
      <input type="checkbox" data-testid="declare-take-ic" checked={known && checked} disabled={!known} onChange={(e) => onChange(e.target.checked)} />
      <span>
        I am the incident commander{known ? ` (${operatorName})` : ''}
        {known ? (
          <small>You take the IC role as you declare; hand it off later from the roles panel.</small>
        ) : (
          <small>
            Nobody has said who is at this console.{' '}
            <button type="button" className="link-button" onClick={openOperatorPrompt}>
              Say who you are
            </button>{' '}
            to take command as you declare.
          </small>
        )}
      </span>
    </label>
  );
}
