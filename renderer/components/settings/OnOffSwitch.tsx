/** The large on/off switch of a section that turns a feature on (team sync, following an Alertmanager), saying what each position means. */
export function OnOffSwitch(props: {
  name: string;
  testId: string;
  on: boolean;
  disabled: boolean;
  onMeans: string;
  offMeans: string;
  onChange: (on: boolean) => void;
}) {
  return (
    <label className="switch-field switch-field-large">
      <input
        type="checkbox"
        className="switch"
        data-testid={props.testId}
        checked={props.on}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <span>
        <strong>
          {props.name} {props.on ? 'on' : 'off'}
        </strong>
        <small>{props.on ? props.onMeans : props.offMeans}</small>
      </span>
    </label>
  );
}
