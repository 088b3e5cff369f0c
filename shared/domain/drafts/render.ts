export interface TemplateProblem {
  line: number;
  message: string;
}

export interface RenderedTemplate {
  /** Never blank: unknown placeholders are left as typed so the author sees them. */
  text: string;
  problems: TemplateProblem[];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** Fills `{{name}}` placeholders. Mistakes are reported with their line, never thrown. */
export function renderTemplate(template: string, values: Record<string, string>): RenderedTemplate {
  const problems: TemplateProblem[] = [];
  const out = template.split('\n').map((line, i) => {
    const rendered = line.replace(PLACEHOLDER, (whole, name: string) => {
      if (Object.hasOwn(values, name)) return values[name]!;
      problems.push({ line: i + 1, message: `Unknown placeholder ${whole} on line ${i + 1}.` });
      return whole;
    });
    const leftover = line.replace(PLACEHOLDER, '');
    if (leftover.includes('{{') || leftover.includes('}}')) {
      problems.push({ line: i + 1, message: `Malformed placeholder on line ${i + 1}: use {{name}} with letters and digits.` });
    }
    return rendered;
  });
  const text = out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  if (!text) problems.push({ line: 1, message: 'The template is empty.' });
  return { text: text || template, problems };
}
