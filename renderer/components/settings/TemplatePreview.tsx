interface Props {
  text: string;
}

const LEFT_AS_TYPED = /(\{\{[^}\n]*\}{0,2})/g;

/** The template filled with sample values; anything left as typed is marked, as the draft dialog would show it. */
export function TemplatePreview({ text }: Props) {
  const parts = text.split(LEFT_AS_TYPED);
  return (
    <div className="preview">
      <div className="preview-head">
        <span className="panel-title">Preview</span>
        <span className="preview-note">with sample values from a SEV1</span>
      </div>
      {/* Focusable so a keyboard can scroll a long preview. */}
      <pre className="preview-body" data-testid="template-preview" tabIndex={0} aria-label="Template preview">
        {parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part))}
      </pre>
    </div>
  );
}
