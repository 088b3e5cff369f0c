import { useRef, type RefObject } from 'react';
import type { TemplateProblem } from '../../../shared/domain/drafts/render';

interface Props {
  kind: string;
  value: string;
  problems: TemplateProblem[];
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  onChange: (text: string) => void;
}

/** Puts the caret at the start of a line and shows it. */
export function goToLine(textarea: HTMLTextAreaElement, line: number): void {
  const lines = textarea.value.split('\n');
  const start = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
  textarea.focus();
  textarea.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
  textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

/** The template as typed, with line numbers; a line with a problem is marked in the gutter and listed below. */
export function TemplateEditor({ kind, value, problems, textareaRef, onChange }: Props) {
  const gutterRef = useRef<HTMLDivElement>(null);
  const bad = new Set(problems.map((p) => p.line));
  const count = value.split('\n').length;
  return (
    <div className="template-editor">
      <div className="code-box">
        <div className="gutter" ref={gutterRef} aria-hidden="true">
          {Array.from({ length: count }, (_, i) => (
            <div key={i} className={bad.has(i + 1) ? 'gutter-line is-bad' : 'gutter-line'}>
              {i + 1}
            </div>
          ))}
        </div>
        <textarea dir="auto"
          ref={textareaRef}
          className="code-input"
          aria-label={`${kind} template`}
          aria-describedby={problems.length > 0 ? 'template-problems' : undefined}
          aria-invalid={problems.length > 0 || undefined}
          data-testid="template-input"
          wrap="off"
          spellCheck={false}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onScroll={(e) => {
            if (gutterRef.current) gutterRef.current.scrollTop = e.currentTarget.scrollTop;
          }}
        />
      </div>
      {problems.length > 0 ? (
        <ul className="problems" id="template-problems" data-testid="template-problems" aria-live="polite">
          {problems.map((p, i) => (
            <li key={i} className="problem" data-testid="template-problem" data-line={p.line}>
              <button
                type="button"
                className="problem-line"
                title={`Go to line ${p.line}`}
                onClick={() => textareaRef.current && goToLine(textareaRef.current, p.line)}
              >
                Line {p.line}
              </button>
              <span>{p.message}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="problems-none" data-testid="template-ok">
          No problems: every placeholder is known.
        </p>
      )}
    </div>
  );
}
