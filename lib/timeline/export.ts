// The current timeline view as CSV (one row per claim, with its lane per company and its
// confirmed links) and as JSON (the view as drawn, proposed links marked as such).
import { toCsv } from '../csv/write'
import type { TimelineView } from './build'

export function timelineCsv(view: TimelineView): string {
  const lanes = new Map<string, string[]>()
  for (const company of view.companies) {
    for (const row of company.rows)
      for (const lane of ['reported', 'said'] as const)
        for (const item of row[lane]) lanes.set(item.id, [...(lanes.get(item.id) ?? []), `${company.company.name}: ${lane}`])
    for (const lane of ['reported', 'said'] as const)
      for (const item of company.undated[lane]) lanes.set(item.id, [...(lanes.get(item.id) ?? []), `${company.company.name}: ${lane}`])
  }
  // Confirmed links only: a spreadsheet row cannot show that a proposal is a guess.
  const linksOf = (id: string) =>
    view.links
      .filter((l) => l.fromId === id && l.status === 'confirmed')
      .map((l) => `${l.relation} ${l.toId}`)
      .join('; ')
  return toCsv(
    ['claim_id', 'claim_date', 'kind', 'lane', 'quote', 'speaker', 'subject', 'channel', 'outlet', 'bylines', 'article_title', 'article_id', 'links'],
    view.items.map((item) => [
      item.id,
      item.date,
      item.kind,
      (lanes.get(item.id) ?? []).join('; '),
      item.quote,
      item.speaker,
      item.subject,
      item.channel,
      item.outlet,
      item.bylines.join('; '),
      item.articleTitle,
      item.articleId,
      linksOf(item.id),
    ]),
  )
}

export function timelineJson(view: TimelineView, query: string) {
  return {
    query,
    bucket: view.size,
    truncated: view.truncated,
    companies: view.companies.map((c) => ({
      id: c.company.id,
      name: c.company.name,
      rows: c.rows.map((r) => ({ period: r.key, label: r.label, reported: r.reported.map((i) => i.id), said: r.said.map((i) => i.id) })),
      undated: { reported: c.undated.reported.map((i) => i.id), said: c.undated.said.map((i) => i.id) },
    })),
    // Every claim in the view, copies included; `cluster` groups the copies of one claim.
    claims: view.items.map((item) => ({ ...item, copies: undefined })),
    links: view.links,
  }
}
