import { blocksOf } from '../placeholders.js';

/**
 * A stored document's text as HTML: "# " paragraphs become headings, line breaks are kept. Everything is
 * text (JSX escapes it): whatever a template or a field contains, no markup gets through.
 */
export function DocumentText({ body, headingLevel = 3 }: { body: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div>
      {blocksOf(body).map((b) =>
        b.heading ? (
          <Heading>{b.text}</Heading>
        ) : (
          <p>
            {b.text.split('\n').map((line, i) => (
              <>
                {i > 0 && <br />}
                {line}
              </>
            ))}
          </p>
        ),
      )}
    </div>
  );
}
