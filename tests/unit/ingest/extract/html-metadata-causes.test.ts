// Synthetic pages that each isolate one general cause of wrong metadata on real pages
// (issue 17): where the page's structure, not a class name, says what is the story's.
import { load } from 'cheerio'
import { describe, expect, test } from 'vitest'
import { extractMetadata } from '@/lib/ingest/extract/html/metadata'

function page(head: string, body = '', htmlAttrs = 'lang="en"'): string {
  return `<!doctype html><html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`
}

function metadata(html: string, url: string | null = null) {
  return extractMetadata(load(html), { url })
}

const jsonLd = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`
const STORY = '<p>The council approved the budget on Wednesday night after a long debate about the library.</p>'

describe('meta tags in their other spellings', () => {
  test('Dublin Core written as RDFa (dc:creator, dc:title, dc:date) is read as DC.creator is', () => {
    const m = metadata(
      page('<meta property="dc:creator" content="Jane Doe"><meta property="dc:title" content="Budget passes"><meta property="dc:date" content="2021-05-06">'),
    )
    expect(m.bylines).toEqual(['Jane Doe'])
    expect(m.title).toBe('Budget passes')
    expect(m.published?.iso).toBe('2021-05-06')
  })

  test('one tag may carry several properties: property="og:title twitter:title"', () => {
    const m = metadata(page('<title>Title element</title><meta property="og:title twitter:title" content="Budget passes after long debate">', STORY))
    expect(m.title).toBe('Budget passes after long debate')
  })

  test('<meta name="published_on"> is a publication date', () => {
    expect(metadata(page('<meta name="published_on" content="2022-08-09">')).published?.iso).toBe('2022-08-09')
  })
})

describe('title', () => {
  test('a <title> suffix that names no known site is dropped when nothing on the page confirms the whole', () => {
    expect(metadata(page('<title>Council approves the library budget – My website</title>', STORY)).title).toBe('Council approves the library budget')
    // A short title is not cut down to a fragment.
    expect(metadata(page('<title>Spider-Man – Far From Home</title>', STORY)).title).toBe('Spider-Man – Far From Home')
  })

  test("the page's link home names the site, so its name is dropped from the title", () => {
    const body = `<header><a href="/"><img src="/logo.png" alt="Riverside Gazette"></a></header>${STORY}`
    expect(metadata(page('<title>Budget passes - Riverside Gazette</title>', body), 'https://rvg.example/news/budget').title).toBe('Budget passes')
  })

  test('a heading ends with a permalink sign, which is not part of it', () => {
    const m = metadata(
      page(
        '<title>Shared Mutable History — evolve extension for Mercurial</title>',
        '<main><h1>Shared Mutable History<a class="headerlink" href="#h">¶</a></h1></main>',
      ),
    )
    expect(m.title).toBe('Shared Mutable History')
  })
})

describe('bylines', () => {
  test("a login in the article's JSON-LD outranks a site-wide full name in <meta name=author>", () => {
    const head = `<meta name="author" content="Morgan Law Group">${jsonLd({ '@type': 'Article', headline: 'Claims', author: { '@type': 'Person', name: 'srauturier' } })}`
    expect(metadata(page(head, '<article><h1>Claims</h1></article>')).bylines).toEqual(['srauturier'])
  })

  test('JSON-LD past repair still gives its author, before a decoy <meta name=author>', () => {
    const broken =
      '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Claims", "author": {"@type": "Person", "name": "Justin Meserole"}, "image": {oops}</script>'
    expect(metadata(page(`<meta name="author" content="Morgan Law Group">${broken}`)).bylines).toEqual(['Justin Meserole'])
  })

  test('names marked up one element each in one line are all read: "By A, B and C"', () => {
    const body = `<article><h1>Budget passes</h1><div class="byline">By <span><a href="/author/ann-lee">Ann Lee</a></span>, <span><a href="/author/bo-chan">Bo Chan</a></span> and <span><a href="/author/cy-diaz">Cy Diaz</a></span></div></article>`
    expect(metadata(page('', body)).bylines).toEqual(['Ann Lee', 'Bo Chan', 'Cy Diaz'])
  })

  test('names in a navigation menu are not a byline', () => {
    const menu = `<ul class="team">${['Ann Lee', 'Bo Chan', 'Cy Diaz', 'Di Evans', 'Ed Fox'].map((n) => `<li><a href="/author/${n.replace(' ', '-')}">${n}</a></li>`).join('')}</ul>`
    const m = metadata(page('', `<div class="top">${menu}</div><article><h1>Budget passes</h1><p>By Maria Lopez</p>${STORY}</article>`))
    expect(m.bylines).toEqual(['Maria Lopez'])
  })

  test('"By clicking Submit, you agree …" names nobody', () => {
    const m = metadata(
      page('', `<article><h1>Budget passes</h1>${STORY}</article><form><p>By clicking Submit, I agree to the Privacy Policy and Terms of Use</p></form>`),
    )
    expect(m.bylines).toEqual([])
  })

  test('a French "Par …" line is a byline', () => {
    expect(metadata(page('', `<article><h1>Le budget adopté</h1><p>Par Sébastien Farcis</p>${STORY}</article>`, 'lang="fr"')).bylines).toEqual([
      'Sébastien Farcis',
    ])
  })

  test('an author box\'s "All articles by …" link names the author where nothing else does', () => {
    const box = '<div class="author-card"><p>Enterprise Sales Executive</p><button>All articles by Elliot Raba</button></div>'
    expect(metadata(page('', `<article><h1>Shared services</h1>${STORY}${box}</article>`)).bylines).toEqual(['Elliot Raba'])
    expect(metadata(page('', `<article><h1>Shared services</h1><p>By Maria Lopez</p>${STORY}${box}</article>`)).bylines).toEqual(['Maria Lopez'])
  })

  test('an author box with the name as a heading and a bio about a person names the author where the meta tag names the site', () => {
    const box =
      '<section><div class="callout"><img src="/a.jpg" alt="Alban Brooke"><h3>Alban Brooke</h3><p>Alban Brooke is the Head of Marketing at Riverside. He has recorded over 500 episodes.</p></div></section>'
    const head = '<meta name="author" content="Riverside"><meta property="og:site_name" content="Riverside">'
    expect(metadata(page(head, `<article><h1>Podcast gear</h1>${STORY}${box}</article>`)).bylines).toEqual(['Alban Brooke'])
    // A section about a policy or a place, or a piece profiling several people, names no author.
    const policy = '<h3>Unlimited PTO</h3><p>Unlimited PTO is a policy where employees take time off as needed, as long as their work is done.</p>'
    expect(metadata(page(head, `<article><h1>Time off</h1>${STORY}${policy}</article>`)).bylines).toEqual(['Riverside'])
    const profile = (name: string) => `<h3>${name}</h3><p>${name} is the founder of a bakery. She opened it in 2019.</p>`
    expect(metadata(page(head, `<article><h1>Founders to watch</h1>${STORY}${profile('Ann Lee')}${profile('Bo Chan')}</article>`)).bylines).toEqual([
      'Riverside',
    ])
  })

  test("an author box names the writer by the photo's alt text or by the bio's bold lead-in", () => {
    const photo =
      '<p><a href="/jane.jpg"><img src="/jane.jpg" alt="Julia Gralberg"></a></p><p>Julia Gralberg is a freelance travel writer. When she is not writing she teaches yoga.</p>'
    expect(metadata(page('', `<article><h1>Hotel tips</h1>${STORY}${photo}</article>`)).bylines).toEqual(['Julia Gralberg'])
    const lead =
      '<div class="box"><p><strong>David Gracey:</strong> Since its founding in 1998, David has grown the firm into a top IT company. His work includes its strategy.</p></div>'
    expect(metadata(page('', `<article><h1>Tech conferences</h1>${STORY}${lead}</article>`)).bylines).toEqual(['David Gracey'])
    // A bold lead-in that is not about a person ("Unlimited PTO: …") names nobody.
    const term = '<p><strong>Unlimited PTO:</strong> Unlimited PTO is a policy where employees take time off as needed.</p>'
    expect(metadata(page('', `<article><h1>Time off</h1>${STORY}${term}</article>`)).bylines).toEqual([])
  })

  test("an analytics data layer's post author is a last resort", () => {
    const dataLayer = '<script>var dataLayer_content = {"pagePostType":"post","pagePostAuthor":"Krystyna"}; dataLayer.push(dataLayer_content);</script>'
    expect(metadata(page(dataLayer, `<article><h1>Language apps</h1>${STORY}</article>`)).bylines).toEqual(['Krystyna'])
    expect(metadata(page(dataLayer, `<article><h1>Language apps</h1><p>By Maria Lopez</p>${STORY}</article>`)).bylines).toEqual(['Maria Lopez'])
    // A numeric user id is no name.
    expect(metadata(page('<script>dataLayer.push({"post_author":"12"})</script>', `<article><h1>Language apps</h1>${STORY}</article>`)).bylines).toEqual([])
  })

  test('citation metadata names each author family name first: "Jong, Michiel de"', () => {
    const m = metadata(page('<meta name="DC.Creator" content="Kooman, F."><meta name="DC.Creator" content="Jong, Michiel de">'))
    expect(m.bylines).toEqual(['F. Kooman', 'Michiel de Jong'])
  })

  test('itemprop is a list of names: itemprop="author creator" marks the author', () => {
    const body = '<article><h1>Budget passes</h1><span itemprop="author creator" itemscope><span itemprop="name">Maria Lopez</span></span></article>'
    expect(metadata(page('', body)).bylines).toEqual(['Maria Lopez'])
  })

  test('credentials after a name are not a second author', () => {
    expect(metadata(page('', `<article><h1>Retirement math</h1><p class="byline">By Paul Deer, CFP®</p>${STORY}</article>`)).bylines).toEqual(['Paul Deer'])
  })

  test('the byline the story prints outranks a <meta name=author> that names someone else (a site default, the uploader)', () => {
    const head = '<meta name="author" content="Josh Katz">'
    const body = `<article><h1>Retirement math</h1><div class="author">By <a href="/ann-lee/">Ann Lee</a>, Columnist</div>${STORY}</article>`
    expect(metadata(page(head, body)).bylines).toEqual(['Ann Lee'])
    // Without a printed byline the meta tag still names the author.
    expect(metadata(page(head, `<article><h1>Retirement math</h1>${STORY}</article>`)).bylines).toEqual(['Josh Katz'])
  })

  test("teasers' author microdata is theirs, even when each teaser has a class list of its own", () => {
    const teaser = (id: number, name: string) =>
      `<div class="post post-${id} category-${id}" itemscope itemtype="https://schema.org/BlogPosting"><meta itemprop="datePublished" content="2026-03-0${id}"><div itemscope itemprop="author" itemtype="https://schema.org/Person"><meta itemprop="name" content="${name}"></div><h3><a href="/p/${id}">Tip ${id}</a></h3></div>`
    const related = `<div class="grid">${teaser(1, 'Marie Stafford')}${teaser(2, 'Marie Stafford')}${teaser(3, 'Ann Lee')}</div>`
    const m = metadata(page('<meta name="author" content="Maria Lopez">', `<article><h1>Budget passes</h1>${STORY}</article>${related}`))
    expect(m.bylines).toEqual(['Maria Lopez'])
  })

  test('a CMS account ("NOC Admin", "Site Administrator") is not a byline', () => {
    for (const account of ['NOC Admin', 'Site Administrator', 'Blog Webmaster']) {
      expect(metadata(page(`<meta name="author" content="${account}">`, `<article><h1>Budget passes</h1>${STORY}</article>`)).bylines).toEqual([])
    }
  })
})

describe('elsewhere is judged by structure', () => {
  test("an <aside> inside the <article> holds the article's own byline and date", () => {
    const m = metadata(
      page(
        '',
        `<article><h1>Budget passes</h1><aside class="meta"><span class="byline">By Maria Lopez</span><time datetime="2021-05-06">May 6</time></aside>${STORY}</article>`,
      ),
    )
    expect(m.bylines).toEqual(['Maria Lopez'])
    expect(m.published?.iso).toBe('2021-05-06')
  })

  test('but an <aside> listing other stories inside the <article> is not the story', () => {
    const teasers =
      '<aside><h3><a href="/a">Other story</a></h3><p class="byline">By Someone Else</p><time datetime="2020-01-01">Jan 1</time><h3><a href="/b">Another</a></h3></aside>'
    const m = metadata(page('', `<article><h1>Budget passes</h1>${STORY}${teasers}</article>`))
    expect(m.bylines).toEqual([])
    expect(m.published).toBeNull()
  })

  test('a wrapper whose class says "sidebar" but which holds the headline is the story', () => {
    const m = metadata(
      page(
        '',
        `<div class="content-sidebar-wrap"><div class="entry"><h1>Budget passes</h1><p class="byline">By Maria Lopez</p><time datetime="2021-05-06">May 6</time>${STORY}</div></div>`,
      ),
    )
    expect(m.bylines).toEqual(['Maria Lopez'])
    expect(m.published?.iso).toBe('2021-05-06')
  })
})

describe('dates', () => {
  test('"Published" beats "Updated" in one line, whichever comes first', () => {
    const line = '<p class="meta">Updated June 9, 2023 · Published June 6, 2023</p>'
    expect(metadata(page('', `<article><h1>Budget passes</h1>${line}${STORY}</article>`)).published?.iso).toBe('2023-06-06')
    const times = '<div>Updated <time datetime="2023-06-09">June 9</time> · Published <time datetime="2023-06-06">June 6</time></div>'
    expect(metadata(page('', `<article><h1>Budget passes</h1>${times}${STORY}</article>`)).published?.iso).toBe('2023-06-06')
  })

  test("today's date in the site's top bar is not the story's", () => {
    const topBar = '<header><nav><a href="/">Home</a></nav><div class="date">Tuesday, December 9, 2025</div></header>'
    expect(metadata(page('', `${topBar}<article><h1>Budget passes</h1>${STORY}</article>`)).published).toBeNull()
    const widget = '<div class="top-bar"><span class="current-date">December 9, 2025</span></div>'
    expect(
      metadata(
        page('', `${widget}<div class="page"><div class="inner"><div class="story"><div class="head"><h1>Budget passes</h1></div></div></div></div>${STORY}`),
      ).published,
    ).toBeNull()
  })

  test("a date line after the headline comes before one above it, where today's date sits", () => {
    const body = `<div class="page"><span>Tuesday, December 9, 2025</span><h1>Budget passes</h1><span>June 6, 2023</span>${STORY}</div>`
    expect(metadata(page('', body)).published?.iso).toBe('2023-06-06')
  })

  test('comment timestamps are not the publication date', () => {
    const comment = (n: number) => `<li class="c"><b>Reader ${n}</b> <time datetime="2024-0${n}-01">${n}</time><p>Nice.</p></li>`
    const comments = `<ol class="thread">${[1, 2, 3].map(comment).join('')}</ol>`
    expect(metadata(page('', `<main><h1>Budget passes</h1>${STORY}</main>${comments}`)).published).toBeNull()
    const microdata = '<div itemscope itemtype="https://schema.org/Comment"><meta itemprop="datePublished" content="2024-03-01"><p>Nice.</p></div>'
    expect(metadata(page('', `<main><h1>Budget passes</h1>${STORY}${microdata}</main>`)).published).toBeNull()
  })

  test('an infobox date ("Founded") is not the publication date', () => {
    const table = '<table class="infobox"><tr><th>Founded</th><td>February 28, 1998</td></tr></table>'
    expect(metadata(page('', `<main><h1>Mozilla</h1>${table}${STORY}</main>`)).published).toBeNull()
    expect(metadata(page('', `<main><h1>Mozilla</h1><p class="date">Founded February 28, 1998</p>${STORY}</main>`)).published).toBeNull()
  })

  test('a numeric date is read day first on a page in a language or region that writes it so', () => {
    const body = `<article><h1>Budget passes</h1><p class="date">05/06/2021</p>${STORY}</article>`
    expect(metadata(page('', body, 'lang="en-GB"')).published?.iso).toBe('2021-06-05')
    expect(metadata(page('', body, 'lang="fr"')).published?.iso).toBe('2021-06-05')
    expect(metadata(page('', body, 'lang="en"'), 'https://news.example.co.uk/story').published?.iso).toBe('2021-06-05')
    expect(metadata(page('', body, 'lang="en-US"')).published?.iso).toBe('2021-05-06')
    expect(metadata(page('', body, 'lang="en"')).published?.iso).toBe('2021-05-06')
  })

  test("a teaser's date near the headline does not override structured data that the story's own <time> confirms", () => {
    const head = '<meta property="article:published_time" content="2017-02-23T17:18:13-08:00">'
    const teaser = '<div class="card"><a href="/other">Other story</a><span class="posted-time">February 16, 2017</span></div>'
    const body = `<article><header><h1>Budget passes</h1></header><div class="byline">By Ann Lee <time datetime="2017-02-23T17:18:13+00:00">8h</time></div>${STORY}${teaser}</article>`
    expect(metadata(page(head, body)).published?.iso.slice(0, 10)).toBe('2017-02-23')
    // Without the story's own <time>, a date line printed earlier than the structured date still wins.
    const printed = `<article><header><h1>Budget passes</h1></header><div class="byline">By Ann Lee</div><p class="date">February 16, 2017</p>${STORY}</article>`
    expect(metadata(page(head, printed)).published?.iso.slice(0, 10)).toBe('2017-02-16')
  })

  test('a label in a block of its own still governs the date beside it: "<span>Updated on</span> <span>date</span>"', () => {
    const lines =
      '<div class="meta"><span>Updated on</span> <span>June 9, 2023</span></div><div class="meta"><span>Published</span> <span>June 6, 2023</span></div>'
    expect(metadata(page('', `<article><h1>Budget passes</h1>${lines}${STORY}</article>`)).published?.iso).toBe('2023-06-06')
    // A page that prints only when it was updated: that day, as a last resort of low confidence.
    const updated = metadata(page('', `<article><h1>Budget passes</h1><div class="date-create">Updated <span>June 9, 2023</span></div>${STORY}</article>`))
    expect(updated.published?.iso).toBe('2023-06-09')
    expect(updated.published?.confidence).toBeLessThan(0.5)
  })
})
