// Real-shaped news pages for the bulk-ingest benchmark: a CMS page with what real pages carry
// around an article (meta tags and JSON-LD, cookie banner, navigation, share bar, captions,
// newsletter box, related links, comments, footer, an inline script), around a body of real
// sentences from the repository's article fixtures. Each sentence has one word swapped for
// another from the same texts, so every article, every paragraph and every body hash is new
// and the duplicate checks do their full work without finding duplicates. Deterministic per
// seed, so two runs (and two databases) ingest the same bytes.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { pick, random } from './random'

const FIXTURE_DIRS = ['prisma/demo', 'tests/fixtures/suggest', 'tests/fixtures/text']

const OUTLETS = [
  'Coastal Courier',
  'Daily Ledger',
  'Harbour Times',
  'Metro Wire',
  'Northern Post',
  'Capital Gazette',
  'Valley Herald',
  'Tech Dispatch',
  'Market Journal',
  'City Tribune',
  'Evening Standard-Bearer',
  'River Chronicle',
]
const FIRST = ['Jane', 'Tom', 'Amira', 'Kenji', 'Lucia', 'Samuel', 'Priya', 'Oskar', 'Grace', 'Mateo', 'Ines', 'David']
const LAST = ['Doe', 'Baker', 'Haddad', 'Sato', 'Moreno', 'Okafor', 'Raman', 'Lind', 'Whitfield', 'Alvarez', 'Costa', 'Levin']
const SECTIONS = ['news', 'business', 'technology', 'politics', 'world', 'markets', 'opinion', 'sport', 'culture', 'science']

// The fixtures' sentences of 8 to 60 words (also the search benchmark's templates: search-corpus.ts).
export function sentencePool(root: string): string[] {
  const sentences: string[] = []
  for (const dir of FIXTURE_DIRS) {
    for (const name of readdirSync(path.join(root, dir)).filter((n) => n.endsWith('.txt'))) {
      const text = readFileSync(path.join(root, dir, name), 'utf8')
      for (const line of text.split(/\n+/)) {
        for (const s of line.split(/(?<=[.!?]["”’]?)\s+(?=[A-Z“"])/)) {
          const words = s.trim().split(/\s+/)
          if (words.length >= 8 && words.length <= 60 && /[.!?]["”’]?$/.test(s.trim())) sentences.push(s.trim())
        }
      }
    }
  }
  return [...new Set(sentences)]
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export type CorpusArticle = { name: string; url: string; bytes: Uint8Array }

export type ArticleCorpus = { articles: CorpusArticle[]; sentences: number; meanBytes: number; ms: number }

export function generateArticles(count: number, seed = 7, root = process.cwd()): ArticleCorpus {
  const started = performance.now()
  const sentences = sentencePool(root)
  const vocabulary = [...new Set(sentences.flatMap((s) => s.match(/\b[a-z]{4,12}\b/g) ?? []))]
  const rnd = random(seed)
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1))
  // Each sentence gets one lower-case word replaced, so no two articles share a paragraph.
  const varied = () => {
    const s = pick(rnd, sentences)
    const words = s.split(' ')
    const slots = words.map((w, i) => (/^[a-z]{4,12}[,.]?$/.test(w) ? i : -1)).filter((i) => i >= 0)
    if (slots.length === 0) return s
    const at = pick(rnd, slots)
    words[at] = (words[at] ?? '').replace(/^[a-z]+/, pick(rnd, vocabulary))
    return words.join(' ')
  }
  const articles: CorpusArticle[] = []
  let bytes = 0
  const encoder = new TextEncoder()
  for (let i = 0; i < count; i++) {
    const outlet = pick(rnd, OUTLETS)
    const domain = `${outlet.toLowerCase().replace(/[^a-z]+/g, '-')}.example`
    const section = pick(rnd, SECTIONS)
    const author = `${pick(rnd, FIRST)} ${pick(rnd, LAST)}`
    const day = new Date(Date.UTC(2015 + int(0, 10), int(0, 11), int(1, 28), int(5, 22), int(0, 59)))
    const headline = varied()
      .replace(/[.!?]["”’]?$/, '')
      .split(' ')
      .slice(0, int(6, 14))
      .join(' ')
    const paragraphs = Array.from({ length: int(8, 22) }, () => Array.from({ length: int(1, 4) }, varied).join(' '))
    const url = `https://www.${domain}/${section}/${day.toISOString().slice(0, 10).replace(/-/g, '/')}/story-${i}`
    const html = newsPage({
      outlet,
      domain,
      section,
      author,
      published: day.toISOString(),
      headline,
      standfirst: varied(),
      paragraphs,
      url,
      related: Array.from({ length: 6 }, varied),
      comments: Array.from({ length: int(0, 6) }, varied),
    })
    const encoded = encoder.encode(html)
    bytes += encoded.length
    articles.push({ name: `story-${i}.html`, url, bytes: encoded })
  }
  return { articles, sentences: sentences.length, meanBytes: Math.round(bytes / Math.max(1, count)), ms: performance.now() - started }
}

// The parts of one page; also the followed-feed benchmark's article pages (bench/lib/feed-server.ts).
export type NewsPageParts = {
  outlet: string
  domain: string
  section: string
  author: string
  published: string
  headline: string
  standfirst: string
  paragraphs: string[]
  url: string
  related: string[]
  comments: string[]
}

export function newsPage(p: NewsPageParts): string {
  const e = escapeHtml
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: p.headline,
    datePublished: p.published,
    author: [{ '@type': 'Person', name: p.author }],
    publisher: { '@type': 'Organization', name: p.outlet },
    mainEntityOfPage: p.url,
  })
  const nav = SECTIONS.map((s) => `<li><a href="/${s}">${s[0]?.toUpperCase()}${s.slice(1)}</a></li>`).join('')
  const config = JSON.stringify({
    site: p.domain,
    section: p.section,
    slots: Array.from({ length: 40 }, (_, i) => ({
      id: `ad-${i}`,
      sizes: [
        [300, 250],
        [728, 90],
      ],
      targeting: { section: p.section, pos: i },
    })),
  })
  const body = p.paragraphs
    .map((text, i) =>
      i === 3
        ? `<div class="ad-slot"><span>Advertisement</span></div><p>${e(text)}</p>`
        : i === 6
          ? `<figure><img src="/img/${i}.jpg" alt=""><figcaption>${e(p.related[0] ?? '')} <span class="credit">Photo: Agency</span></figcaption></figure><p>${e(text)}</p>`
          : `<p>${e(text)}</p>`,
    )
    .join('\n        ')
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>${e(p.headline)} | ${e(p.outlet)}</title>
  <link rel="canonical" href="${e(p.url)}">
  <meta name="description" content="${e(p.standfirst)}">
  <meta property="og:title" content="${e(p.headline)}">
  <meta property="og:site_name" content="${e(p.outlet)}">
  <meta property="og:url" content="${e(p.url)}">
  <meta property="article:published_time" content="${p.published}">
  <meta name="author" content="${e(p.author)}">
  <script type="application/ld+json">${jsonLd}</script>
  <script>window.__CONFIG__ = ${config}</script>
  <style>.share-bar{display:flex}.ad-slot{min-height:250px}.cookie-consent{position:fixed;bottom:0}</style>
</head>
<body class="article-page">
  <div class="cookie-consent"><p>We use cookies to improve your experience. By continuing to browse, you agree to our use of cookies.</p><button>Accept all</button></div>
  <header class="site-header"><a href="/" class="logo">${e(p.outlet)}</a><nav><ul>${nav}</ul></nav></header>
  <div class="login-box"><form action="/login" method="post"><p>Already a subscriber? Log in to read every story without limits.</p><input type="email" name="email"><button>Log in</button></form></div>
  <main>
    <article class="story">
      <h1>${e(p.headline)}</h1>
      <p class="standfirst">${e(p.standfirst)}</p>
      <div class="byline">By <a href="/staff/${encodeURIComponent(p.author)}">${e(p.author)}</a></div>
      <time datetime="${p.published}">${p.published.slice(0, 10)}</time>
      <div class="share-bar"><a href="https://twitter.com/share">Share on Twitter</a> <a href="https://facebook.com/share">Share on Facebook</a></div>
      <div class="article-body">
        ${body}
        <div class="newsletter-signup"><h3>Get the newsletter</h3><p>Sign up for our free daily newsletter with the most important stories every morning.</p></div>
      </div>
      <div class="related-articles"><h3>Related stories</h3><ul>${p.related.map((r, i) => `<li><a href="/${p.section}/related-${i}">${e(r)}</a></li>`).join('')}</ul></div>
    </article>
    <section id="comments" class="comments-area"><h3>${p.comments.length} comments</h3>${p.comments.map((c, i) => `<div class="comment"><p class="comment-author">reader${i}</p><p>${e(c)}</p></div>`).join('')}</section>
  </main>
  <aside class="sidebar"><h3>Most read</h3><ol>${p.related
    .slice(2)
    .map((r, i) => `<li><a href="/most-read/${i}">${e(r)}</a></li>`)
    .join('')}</ol></aside>
  <footer class="site-footer"><p>© ${p.published.slice(0, 4)} ${e(p.outlet)}. All rights reserved.</p><ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li><li><a href="/contact">Contact</a></li></ul></footer>
</body>
</html>
`
}
