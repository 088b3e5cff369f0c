import type { ReactNode } from 'react';

interface Props {
  title: string;
  tone?: 'neutral' | 'danger';
  testId?: string;
  children?: ReactNode;
}

/** A centred message that fills the main pane when there is nothing else to show. */
export function Notice({ title, tone = 'neutral', testId, children }: Props) {
  return (
    <section className={`notice notice-${tone}`} data-testid={testId}>
      <h2 className="notice-title">{title}</h2>
      {children && <div className="notice-body">{children}</div>}
    </section>
  );
}
