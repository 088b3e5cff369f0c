import type { ReactNode } from 'react';
import './ChoiceGroup.css';

export interface Choice<T extends string> {
  value: T;
  label: ReactNode;
  className?: string;
}

interface Props<T extends string> {
  name: string;
  legend: string;
  choices: readonly Choice<T>[];
  value: T;
  onChange: (value: T) => void;
}

/** Native radios drawn as a segmented control: arrow keys, labels and the radio itself all work. */
export function ChoiceGroup<T extends string>({ name, legend, choices, value, onChange }: Props<T>) {
  return (
    <fieldset className="choice-group">
      <legend className="field-label">{legend}</legend>
      <div className="choice-row" role="radiogroup" aria-label={legend}>
        {choices.map((choice) => (
          <label key={choice.value} className={`choice ${choice.className ?? ''}`}>
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <span className="choice-text">{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
