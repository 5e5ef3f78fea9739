import { load } from 'cheerio'
import { describe, expect, test } from 'vitest'
import { extractMetadata } from '@/lib/ingest/extract/html/metadata'
import { parseLenient } from '@/lib/ingest/extract/html/json-ld'
import { stripSiteName } from '@/lib/ingest/extract/html/title'

const URL = 'https://www.example-news.com/tech/2013/06/06/microsoft-monitoring'

function page(head: string, body = '', htmlAttrs = 'lang="en"'): string {
  return `<!doctype html><html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`
}

function metadata(html: string, url: string | null = URL) {
  return extractMetadata(load(html), { url })
}

const jsonLd = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`

describe('JSON-LD', () => {
  test('a NewsArticle gives headline, authors, date, publisher and description', () => {
    const m = metadata(
      page(
        jsonLd({
          '@context': 'https://schema.org',
          '@type': 'NewsArticle',
          headline: 'Microsoft says not part of broad government online monitoring',
          datePublished: '2013-06-06T20:43:00-04:00',
          dateModified: '2013-06-07T09:00:00-04:00',
          author: [
            { '@type': 'Person', name: 'Bill Rigby' },
            { '@type': 'Organization', name: 'Reuters' },
          ],
          publisher: { '@type': 'Organization', name: 'Reuters' },
          description: 'Microsoft denied taking part in a broad government programme.',
        }),
      ),
    )
    expect(m.title).toBe('Microsoft says not part of broad government online monitoring')
    expect(m.bylines).toEqual(['Bill Rigby'])
    expect(m.published).toEqual({ iso: '2013-06-06T20:43:00-04:00', source: 'jsonld', confidence: 0.95 })
    expect(m.publisher).toBe('Reuters')
    expect(m.standfirst).toBe('Microsoft denied taking part in a broad government programme.')
    expect(m.dateline).toBeNull()
  })

  test('@graph with author references resolved by @id', () => {
    const m = metadata(
      page(
        jsonLd({
          '@context': 'https://schema.org',
          '@graph': [
            { '@type': 'WebSite', '@id': 'https://x.test/#website', name: 'Example News' },
            { '@type': 'WebPage', '@id': 'https://x.test/a#webpage', datePublished: '2020-01-01T00:00:00Z' },
            { '@type': 'Article', headline: 'Graph headline', author: { '@id': 'https://x.test/#/person/1' }, datePublished: '2013-07-17' },
            { '@type': 'Person', '@id': 'https://x.test/#/person/1', name: 'Jane Doe' },
          ],
        }),
      ),
    )
    expect(m.title).toBe('Graph headline')
    expect(m.bylines).toEqual(['Jane Doe'])
    expect(m.published?.iso).toBe('2013-07-17')
    expect(m.publisher).toBe('Example News')
  })

  test('an array of nodes and a nested mainEntity', () => {
    const m = metadata(
      page(
        jsonLd([{ '@type': 'BreadcrumbList' }, { '@type': 'WebPage', mainEntity: { '@type': 'BlogPosting', headline: 'Nested', datePublished: 1370566980 } }]),
      ),
    )
    expect(m.title).toBe('Nested')
    expect(m.published?.iso).toBe('2013-06-07T01:03:00Z')
  })

  test('broken JSON-LD is repaired or salvaged, never thrown', () => {
    const broken = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Line\nbreak", "datePublished": "2013-06-06",}</script>'
    expect(metadata(page(broken)).published?.iso).toBe('2013-06-06')
    const hopeless = '<script type="application/ld+json">{"@type": "Article", "datePublished": "2014-02-03", "author": {oops}</script>'
    expect(metadata(page(hopeless)).published?.iso).toBe('2014-02-03')
    expect(metadata(page('<script type="application/ld+json">not json at all</script><title>Plain</title>')).title).toBe('Plain')
  })

  test('parseLenient handles comments, trailing commas and concatenated objects', () => {
    expect(parseLenient('<!-- {"a": 1} -->')).toEqual({ a: 1 })
    expect(parseLenient('{"a": [1, 2,],}')).toEqual({ a: [1, 2] })
    expect(parseLenient('{"a": 1}{"b": 2}')).toEqual([{ a: 1 }, { b: 2 }])
    expect(parseLenient('   ')).toBeUndefined()
  })
})

describe('meta tags', () => {
  test('OpenGraph and article:* meta', () => {
    const m = metadata(
      page(
        `
        <meta property="og:title" content="Apple unveils a new phone - The Verge">
        <meta property="og:site_name" content="The Verge">
        <meta property="article:published_time" content="2013-06-06T20:43:00Z">
        <meta property="article:modified_time" content="2013-06-08T10:00:00Z">
        <meta property="article:author" content="https://www.facebook.com/someone">
        <meta name="author" content="Jane Doe">
        <meta property="og:locale" content="en_US">`,
        '',
        '',
      ),
    )
    expect(m.title).toBe('Apple unveils a new phone')
    expect(m.publisher).toBe('The Verge')
    expect(m.published).toEqual({ iso: '2013-06-06T20:43:00Z', source: 'meta', confidence: 0.85 })
    expect(m.bylines).toEqual(['Jane Doe'])
    expect(m.language).toBe('en-US')
  })

  test('parsely, sailthru and Dublin Core tags', () => {
    const m = metadata(
      page(
        `<meta name="parsely-title" content="Parsely headline"><meta name="sailthru.author" content="By JOHN SMITH"><meta name="DC.date.issued" content="2011-03-04">`,
      ),
      null,
    )
    expect(m.title).toBe('Parsely headline')
    expect(m.bylines).toEqual(['John Smith'])
    expect(m.published).toEqual({ iso: '2011-03-04', source: 'meta', confidence: 0.85 })
  })

  test('the published date wins over the modified date, whatever the order', () => {
    const m = metadata(
      page(
        `<meta property="article:modified_time" content="2020-05-05T10:00:00Z"><meta property="article:published_time" content="2019-01-02T03:04:05+01:00">`,
      ),
    )
    expect(m.published?.iso).toBe('2019-01-02T03:04:05+01:00')
  })

  test('a zone-less time is published as the day alone', () => {
    const m = metadata(page('<meta property="article:published_time" content="2013-07-17 09:30">'), null)
    expect(m.published?.iso).toBe('2013-07-17')
  })
})

describe('the visible page', () => {
  test('<time datetime> and a byline element', () => {
    const m = metadata(
      page(
        '<title>Storm hits coast | Example News</title>',
        `
        <article><header><h1>Storm hits coast</h1>
          <p class="byline">By <a rel="author" href="/jane">Jane Doe</a> and <a href="/john">John Smith</a></p>
          <time datetime="2013-06-06T08:00:00-04:00">June 6</time>
          <time class="updated" datetime="2013-06-09T08:00:00-04:00">June 9</time>
        </header><p>The storm hit the coast on Thursday.</p></article>
        <aside class="related"><p class="byline">By Someone Else</p></aside>`,
      ),
      null,
    )
    expect(m.title).toBe('Storm hits coast')
    expect(m.bylines).toEqual(['Jane Doe'])
    expect(m.published).toEqual({ iso: '2013-06-06T08:00:00-04:00', source: 'time', confidence: 0.65 })
  })

  test('a "By …" line and a printed date near the headline', () => {
    const m = metadata(
      page(
        '',
        `
        <div class="top"><h1>Council approves budget</h1><div><span>By Maria Lopez, Staff Writer</span></div><div><span>Posted on 06.06.2013</span></div></div>
        <p>The council approved the budget on Wednesday night after a long debate.</p>`,
      ),
      null,
    )
    expect(m.title).toBe('Council approves budget')
    expect(m.bylines).toEqual(['Maria Lopez'])
    expect(m.published?.iso).toBe('2013-06-06')
    expect(m.published?.source).toBe('time')
  })

  test('layout classes on <body> do not put the whole page outside the story', () => {
    const m = metadata(
      page(
        '',
        `<article><h1>Council approves budget</h1><div class="post_author_name">Maria Lopez</div>
        <time datetime="2013-06-06">June 6</time></article>`,
      ).replace('<body>', '<body class="has-sidebar comments-open">'),
      null,
    )
    expect(m.bylines).toEqual(['Maria Lopez'])
    expect(m.published?.iso).toBe('2013-06-06')
  })

  test('page-builder blocks named widgets are part of the story; sidebar widgets are not', () => {
    const m = metadata(
      page(
        '',
        `<div class="widget widget_recent"><p class="byline">By Someone Else</p></div>
        <div class="elementor-widget elementor-widget-text-editor"><p class="byline">By Maria Lopez</p></div>`,
      ),
      null,
    )
    expect(m.bylines).toEqual(['Maria Lopez'])
  })

  test('an author box that says "This post was written by …"', () => {
    const m = metadata(
      page(
        '',
        `<article><h1>Indexing, explained</h1><p>Indexing helps readers find journals.</p>
        <div class="author-bio">This post was written by Dana Park,
        Head of Marketing and Community Development</div></article>`,
      ),
      null,
    )
    expect(m.bylines).toEqual(['Dana Park'])
  })

  test('a login in an author field gives way to a full name in the visible byline', () => {
    const head = '<meta name="author" content="KateS">'
    const m = metadata(
      page(head, '<article><h1>Rental cars ranked</h1><p>by <a class="author-link" href="/authors/aoife">Aoife O\'Riordan</a></p></article>'),
      null,
    )
    expect(m.bylines).toEqual(["Aoife O'Riordan"])
    expect(metadata(page('<meta name="author" content="kate.s">', '<article><h1>Rental cars ranked</h1></article>'), null).bylines).toEqual(['kate.s'])
  })

  test('the outlet credited beside a person is not a byline', () => {
    const head =
      '<meta property="og:site_name" content="Daily Courier">' +
      jsonLd({
        '@type': 'NewsArticle',
        headline: 'Budget passes',
        author: [
          { '@type': 'Person', name: 'Jane Doe' },
          { '@type': 'Person', name: 'Daily Courier' },
        ],
      })
    expect(metadata(page(head), null).bylines).toEqual(['Jane Doe'])
  })

  test('a day printed by the headline that is earlier than the structured date wins', () => {
    const head = jsonLd({ '@type': 'BlogPosting', headline: 'Short video tips', datePublished: '2025-11-20T16:02:46Z' })
    const m = metadata(page(head, '<article><h1>Short video tips</h1><div class="post-date">May 14, 2025</div><p>Short videos work.</p></article>'), null)
    expect(m.published).toEqual({ iso: '2025-05-14', source: 'time', confidence: 0.5 })
  })

  test('but not when the two can be the same day in some time zone', () => {
    const head = jsonLd({ '@type': 'BlogPosting', headline: 'Short video tips', datePublished: '2024-08-01T02:00:00Z' })
    const m = metadata(page(head, '<article><h1>Short video tips</h1><div class="post-date">Jul 31, 2024</div></article>'), null)
    expect(m.published?.iso).toBe('2024-08-01T02:00:00Z')
  })

  test('nor when the earlier day is named in a sentence, not printed as a date line', () => {
    const head = jsonLd({ '@type': 'BlogPosting', headline: 'What the new law means', datePublished: '2025-11-20T16:02:46Z' })
    const m = metadata(
      page(head, '<article><h1>What the new law means</h1><p class="dek">The law passed on May 14, 2025, after months of debate.</p></article>'),
      null,
    )
    expect(m.published?.iso).toBe('2025-11-20T16:02:46Z')
  })

  test('the previous and next posts linked below a story are not its date', () => {
    const m = metadata(
      page('', '<article><h1>Short video tips</h1><p>Short videos work.</p><div class="nav-next"><p class="date">Aug 01, 2024</p></div></article>'),
      null,
    )
    expect(m.published).toBeNull()
  })

  test("a link to the author's page is a byline, before a credit inside the story", () => {
    const m = metadata(
      page(
        '',
        `<article><h1>Weekly wrap-up</h1><div class="meta"><a href="/blog/author/dana-park/">Dana Park</a></div>
        <h3>New module</h3><p>Author: Tom Lee</p></article>`,
      ),
      null,
    )
    expect(m.bylines).toEqual(['Dana Park'])
  })

  test("a date beside the author's name at the foot of a long story", () => {
    const paragraphs = Array.from({ length: 70 }, (_, i) => `<p>Paragraph ${i + 1} of the guide.</p>`).join('')
    const m = metadata(
      page(
        '',
        `<article><div><h1>How apps are made</h1></div>${paragraphs}
        <div><p>Written by <a href="/blog/author/dana-park">Dana Park</a></p><p>April 8, 2024</p></div></article>`,
      ),
      null,
    )
    expect(m.published).toEqual({ iso: '2024-04-08', source: 'time', confidence: 0.5 })
  })

  test('a share card labelled "Written by" names the author', () => {
    const m = metadata(page('<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Nawaz Dhandala">'), null)
    expect(m.bylines).toEqual(['Nawaz Dhandala'])
  })

  test('the URL is the last source of a date', () => {
    const m = metadata(page('<title>A story</title>', '<h1>A story</h1>'))
    expect(m.published).toEqual({ iso: '2013-06-06', source: 'url', confidence: 0.6 })
  })

  test('no date anywhere is null', () => {
    expect(metadata(page('<title>A story</title>'), 'https://example.com/story').published).toBeNull()
  })
})

describe('title', () => {
  test('strips site names before or after the headline', () => {
    const sites = ['Reuters']
    expect(stripSiteName('Microsoft denies report | Reuters', sites)).toBe('Microsoft denies report')
    expect(stripSiteName('Reuters - Microsoft denies report', sites)).toBe('Microsoft denies report')
    expect(stripSiteName('Apple unveils a phone - The Verge', ['theverge.com'])).toBe('Apple unveils a phone')
  })

  test('keeps a headline whole when no segment names the site', () => {
    expect(stripSiteName('Machine learning – 10 benefits, use cases', ['Reuters'])).toBe('Machine learning – 10 benefits, use cases')
  })

  test('prefers the <h1> that a meta title confirms over the suffixed <title>', () => {
    const m = metadata(
      page(
        '<title>Budget passes: what it means - Daily Courier</title>',
        '<header role="banner"><h1>Daily Courier</h1></header><main><h1>Budget passes: what it means</h1></main>',
      ),
    )
    expect(m.title).toBe('Budget passes: what it means')
  })

  test('a logo class on <body> does not make the whole page a masthead', () => {
    const m = metadata(
      page('<title>Spring plans</title>', '<div><h1>Spring plans for the river park</h1></div>').replace('<body>', '<body class="mobile-logo-left">'),
    )
    expect(m.title).toBe('Spring plans for the river park')
  })

  test("a headline's comment count and source domain are not part of it", () => {
    const h1 =
      '<h1><a href="/s/1">Graduates find their degrees no longer guarantee jobs</a> <a href="https://news.example/x">(news.example)</a> <span class="comment-bubble">87</span></h1>'
    expect(metadata(page('<title>Degrees and jobs - Tech Forum</title>', `<article><header>${h1}</header></article>`)).title).toBe(
      'Graduates find their degrees no longer guarantee jobs',
    )
  })

  test('an <h1> the page marks as its title wins over meta titles that reword it', () => {
    const head = '<meta property="og:title" content="College essay tips"><title>College essay tips | Example News</title>'
    expect(metadata(page(head, '<h1 class="entry-title">A guide to college application essays</h1>')).title).toBe('A guide to college application essays')
    expect(metadata(page(head, '<article><header><div><h1>A guide to college application essays</h1></div></header></article>')).title).toBe(
      'A guide to college application essays',
    )
    expect(metadata(page(head, '<h1 itemprop="headline">A guide to college application essays</h1>')).title).toBe('A guide to college application essays')
  })

  test('an unmarked <h1> that rewords the meta titles gives way to them', () => {
    const head = '<meta property="og:title" content="College essay tips"><title>College essay tips | Example News</title>'
    expect(metadata(page(head, '<div class="banner"><h1>A guide to college application essays</h1></div>')).title).toBe('College essay tips')
  })

  test('an unmarked <h1> that says all a meta title says, and more, still wins', () => {
    const head = '<meta property="og:title" content="Insurance guide 2026">'
    expect(metadata(page(head, '<div><h1>The complete insurance guide for 2026</h1></div>')).title).toBe('The complete insurance guide for 2026')
    // Measured against the whole meta title: here the <h1> leaves out what follows the bar.
    const labelled = '<meta property="og:title" content="Insurance guide 2026 | Costs, cover and savings">'
    expect(metadata(page(labelled, '<div><h1>The complete insurance guide for 2026</h1></div>')).title).toBe('Insurance guide 2026')
  })

  test('a headline broken with <br> keeps a space between its lines', () => {
    expect(metadata(page('', '<main><h1>Rivers in 2025<br>What changed</h1></main>')).title).toBe('Rivers in 2025 What changed')
  })

  test('a title that was UTF-8 misread as Windows-1252 is repaired', () => {
    const m = metadata(page('<title>An Investorâ\u0080\u0099s Guide</title>', '<main><h1>An Investorâ€™s Guide to Calculators</h1></main>'))
    expect(m.title).toBe('An Investor’s Guide to Calculators')
  })
})

describe('canonical URL, language and publisher', () => {
  test('a relative canonical is resolved against the page URL', () => {
    expect(metadata(page('<link rel="canonical" href="/story/123">')).canonicalUrl).toBe('https://www.example-news.com/story/123')
  })

  test('a non-http canonical falls back to the page URL', () => {
    expect(metadata(page('<link rel="canonical" href="javascript:void(0)">')).canonicalUrl).toBe(URL)
    expect(metadata(page(''), null).canonicalUrl).toBeNull()
  })

  test('language from <html lang>, else content-language', () => {
    expect(metadata(page('', '', 'lang="EN-gb"')).language).toBe('en-GB')
    expect(metadata(page('<meta http-equiv="content-language" content="fr">', '', '')).language).toBe('fr')
  })

  test('publisher from the domain when the page names none', () => {
    expect(metadata(page(''), 'https://www.reuters.com/article/x').publisher).toBe('Reuters')
    expect(metadata(page(''), 'https://www.bbc.co.uk/news/x').publisher).toBe('Bbc')
  })
})

describe('standfirst', () => {
  test('a truncated copy of the first paragraph is not a standfirst', () => {
    const m = metadata(
      page(
        '<meta name="description" content="The council approved the budget on Wednesday night after…">',
        '<p>The council approved the budget on Wednesday night after a long debate.</p>',
      ),
    )
    expect(m.standfirst).toBeNull()
  })

  test('a dek element is', () => {
    const m = metadata(page('', '<h1>Budget passes</h1><p class="article-dek">Taxes stay flat for a third year as reserves grow.</p><p>Body text here.</p>'))
    expect(m.standfirst).toBe('Taxes stay flat for a third year as reserves grow.')
  })
})
