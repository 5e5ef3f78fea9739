// Download links for the claims a page shows, in the three published formats of GET /api/export.
// `query` names the scope (article=…, story=…, or the timeline's parameters).
export function ExportLinks({ query, label }: { query: string; label?: string }) {
  const href = (format: 'jsonld' | 'annotations' | 'csv') => `/api/export?${query}&format=${format}`
  return (
    <span className="export-links">
      {label ? `${label}: ` : null}
      <a href={href('jsonld')} download aria-label="Claims as JSON-LD (schema.org)" title="schema.org Claim and ClaimReview, as fact-checkers publish them">
        JSON-LD
      </a>
      {' · '}
      <a href={href('annotations')} download aria-label="Claims as Web Annotations" title="W3C Web Annotations, for Hypothesis and other annotation tools">
        Web Annotations
      </a>
      {' · '}
      <a href={href('csv')} download aria-label="Claims as CSV" title="one row per claim, for spreadsheets">
        CSV
      </a>
    </span>
  )
}
