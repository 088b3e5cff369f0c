import type { ReactNode } from 'react';

interface Props {
  title: string;
  tone?: 'neutral' | 'danger';
  testId?: string;
  /** h1 when the notice is the page's main content (the empty app), else h2. */
  level?: 1 | 2;
  children?: ReactNode;
}

/** A centred message that fills the main pane when there is nothing else to show. */
export function Notice({ title, tone = 'neutral', testId, level = 2, children }: Props) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <section className={`notice notice-${tone}`} data-testid={testId}>
      <Heading className="notice-title">{title}</Heading>
      {children && <div className="notice-body">{children}</div>}
    </section>
  );
}
