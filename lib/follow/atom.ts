// What is new about the companies a user follows, as an Atom feed (RFC 4287) a feed reader or a
// newsroom chat bot subscribes to. Pure: the items come from lib/queries/follows.ts.
import type { NewsItem } from '../queries/follows'

const escapeXml = (value: string) =>
  // Characters XML 1.0 cannot carry at all are dropped; the five special ones escaped.
  value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const KIND_LABELS: Record<NewsItem['claimKind'], string> = {
  statement: 'Statement',
  denial: 'Denial',
  allegation: 'Allegation',
  report: 'Report',
  other: 'Claim',
}

export function newsTitle(item: NewsItem): string {
  const quote = item.quote.length > 140 ? `${item.quote.slice(0, 139)}…` : item.quote
  return `${item.subject.name}: ${KIND_LABELS[item.claimKind].toLowerCase()}${item.kind === 'suggestion' ? ' (suggested)' : ''}: “${quote}”`
}

export function newsAtom(input: { baseUrl: string; feedUrl: string; userId: string; userName: string; items: NewsItem[]; now: Date }): string {
  const base = input.baseUrl.replace(/\/$/, '')
  const updated = (input.items[0]?.at ?? input.now).toISOString()
  const entries = input.items.map((item) => {
    const page = item.kind === 'claim' ? `${base}/claims/${item.id}` : `${base}/articles/${item.article.id}`
    const source = item.article.url ? ` (<a href="${escapeXml(item.article.url)}">original</a>)` : ''
    const summary = `<p>${escapeXml(item.quote)}</p><p>${KIND_LABELS[item.claimKind]} about ${escapeXml(item.subject.name)}${item.speaker ? `, attributed to ${escapeXml(item.speaker)}` : ''}, in <a href="${escapeXml(`${base}/articles/${item.article.id}`)}">${escapeXml(item.article.title)}</a>${source}.</p>`
    return [
      '<entry>',
      `<id>urn:claimline:${item.kind}:${item.id}</id>`,
      `<title>${escapeXml(newsTitle(item))}</title>`,
      `<updated>${item.at.toISOString()}</updated>`,
      `<link rel="alternate" type="text/html" href="${escapeXml(page)}"/>`,
      `<category term="${item.claimKind}"/>`,
      `<content type="html">${escapeXml(summary)}</content>`,
      '</entry>',
    ].join('')
  })
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<id>urn:claimline:follows:${input.userId}</id>`,
    `<title>${escapeXml(`New about the companies ${input.userName} follows`)}</title>`,
    `<updated>${updated}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${escapeXml(input.feedUrl)}"/>`,
    `<link rel="alternate" type="text/html" href="${escapeXml(`${base}/follows`)}"/>`,
    '<generator>Claimline</generator>',
    ...entries,
    '</feed>',
  ].join('\n')
}
