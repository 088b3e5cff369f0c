import './shortcut-hint.css';

/** A key combination drawn small inside a button, e.g. Alt I. */
export function ShortcutHint({ keys }: { keys: readonly string[] }) {
  return (
    <span className="shortcut-hint" aria-hidden="true">
      {keys.map((key) => (
        <kbd key={key}>{key}</kbd>
      ))}
    </span>
  );
}
