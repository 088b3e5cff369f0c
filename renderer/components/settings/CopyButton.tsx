import { useEffect, useState } from 'react';
import { copyText } from '../../lib/clipboard';

interface Props {
  text: string;
  /** What is copied, for a screen reader: "Copy the intake address". */
  label: string;
  testId: string;
}

/** Copies, then says so beside itself for a few seconds (or that the clipboard refused). */
export function CopyButton({ text, label, testId }: Props) {
  const [said, setSaid] = useState<'copied' | 'refused' | null>(null);
  useEffect(() => {
    if (said === null) return;
    const timer = setTimeout(() => setSaid(null), 2500);
    return () => clearTimeout(timer);
  }, [said]);
  return (
    <span className="copy">
      <button type="button" className="btn btn-small" aria-label={label} data-testid={testId} onClick={() => void copyText(text).then((ok) => setSaid(ok ? 'copied' : 'refused'))}>
        Copy
      </button>
      <span className={said === 'refused' ? 'copy-said copy-refused' : 'copy-said'} role="status">
        {said === 'copied' ? 'Copied' : said === 'refused' ? 'The clipboard refused: select the text and copy it by hand.' : ''}
      </span>
    </span>
  );
}
