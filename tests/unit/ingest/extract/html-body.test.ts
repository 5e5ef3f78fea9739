import { readFileSync } from 'node:fs'
import path from 'node:path'
import { load } from 'cheerio'
import { describe, expect, test } from 'vitest'
import type { Element } from 'domhandler'
import { extractBody } from '@/lib/ingest/extract/html/body'
import { splitBlocks } from '@/lib/ingest/extract/html/blocks'
import { findTeasers, growWhileProse, proseChars } from '@/lib/ingest/extract/html/scoring'

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../../../fixtures/html', name), 'utf8')
const bodyOf = (html: string, title?: string) => extractBody(load(html), title)

// Enough prose for the page to read as an article.
const PROSE = [
  'The regional water board said on Monday that reservoir levels had fallen to their lowest point in twenty years, after the driest spring on record.',
  'Engineers will begin pumping from the river at the end of the month, a measure last used in 1995, and households are being asked to cut their use by a fifth.',
  'Farmers, who draw on the same reservoirs for irrigation, warned that a hosepipe ban alone would do little to protect this year’s harvest across the valley.',
]

describe('an article page full of chrome', () => {
  const paragraphs = bodyOf(fixture('article-with-chrome.html'), 'Harbour council approves sea wall')

  test('keeps the article’s paragraphs, subheading, quote and list, in order', () => {
    expect(paragraphs).toEqual([
      'The harbour council voted on Tuesday to build a new sea wall along the northern shore, ending a decade-long argument over how to protect the town from storm surges.',
      "The wall will cost an estimated £14 million, according to the council's own figures, and work is expected to begin next spring if the Environment Agency signs off on the plans.",
      'Residents divided',
      'Not everyone is pleased. Fishermen who moor their boats along the northern quay say the wall will cut off their access to the slipway, and a petition against the plans has gathered more than 2,000 signatures.',
      '“We were never asked what we needed. The council has decided for us,” said Tom Baker, who has fished from the harbour for thirty years.',
      'The council said it would consult fishermen on the design of a new ramp before construction begins.',
      'Construction is due to start in April 2025.',
      'The wall will be 1.2 kilometres long.',
    ])
  })

  test.each([
    ['the headline', 'Harbour council approves sea wall'],
    ['the byline', 'Jane Doe'],
    ['the date line', '4 min read'],
    ['the share bar', 'Share on'],
    ['photo captions and credits', 'built in 1952'],
    ['an image caption paragraph', 'Boats moored'],
    ['the advertisement label', 'Advertisement'],
    ['the newsletter box', 'newsletter'],
    ['the "read more" link', 'Read more'],
    ['related links', 'Flood defences'],
    ['comments', 'About time too'],
    ['the cookie notice', 'cookies'],
    ['the log-in box', 'subscriber'],
    ['the footer', 'All rights reserved'],
  ])('leaves out %s', (_what, text) => {
    expect(paragraphs.join('\n').toLowerCase()).not.toContain(text.toLowerCase())
  })
})

test('text in a <div> split by double <br> becomes one paragraph per break; a single <br> does not split', () => {
  expect(bodyOf(fixture('br-separated.html'))).toEqual([
    'The owners of Hartley Mill confirmed on Friday that the site will close at the end of the year, with the loss of 140 jobs.',
    'In a statement, the company blamed rising energy costs and a fall in orders from overseas customers, and said it had "explored every option" to keep the mill open.',
    'Union officials said they would seek talks with management next week. "This is a dark day for the valley," said branch secretary Alan Hughes.',
    'The mill has operated on the site since 1868.',
  ])
})

test('a home page of teasers has no article body', () => {
  expect(bodyOf(fixture('home-page.html'))).toEqual([])
})

test('inline elements never split a paragraph', () => {
  const html = `<body><article>
    <p>${PROSE[0]}</p>
    <p>Officials <a href="/x">said</a> the <em>emergency</em> plan, <strong>drawn up</strong> in <span class="x">2019</span>, would<sup>1</sup> hold until autumn at the earliest.</p>
    <p>${PROSE[1]}</p>
  </article></body>`
  expect(bodyOf(html)[1]).toBe('Officials said the emergency plan, drawn up in 2019, would1 hold until autumn at the earliest.')
})

test('headings, list items, quotes and preformatted text are separate paragraphs', () => {
  const html = `<body><article>
    <p>${PROSE[0]}</p><h3>What happens next</h3><p>${PROSE[1]}</p>
    <ol><li>Pumping starts on 30 June.</li><li>A review follows in August.</li></ol>
    <blockquote>We have never seen levels like this.</blockquote><pre>Level: 31%</pre><p>${PROSE[2]}</p>
  </article></body>`
  expect(bodyOf(html)).toEqual([
    PROSE[0],
    'What happens next',
    PROSE[1],
    'Pumping starts on 30 June.',
    'A review follows in August.',
    'We have never seen levels like this.',
    'Level: 31%',
    PROSE[2],
  ])
})

test('a heading that repeats the title is dropped', () => {
  const html = `<body><div class="post"><h2>Reservoirs at a twenty-year low</h2>${PROSE.map((p) => `<p>${p}</p>`).join('')}</div></body>`
  expect(bodyOf(html, 'Reservoirs at a twenty-year low')).toEqual(PROSE)
})

test('a wrapper whose class merely mentions chrome still holds the article', () => {
  const html = `<body><div class="content-with-sidebar-wrap"><div class="field field--label-hidden">${PROSE.map((p) => `<p>${p}</p>`).join('')}</div></div>
    <div class="sidebar"><p>Sidebar text that is long enough to look like a paragraph of prose, but is not one.</p></div></body>`
  expect(bodyOf(html)).toEqual(PROSE)
})

test("a section's id made from its own heading is its title, not a role, whatever word it starts with", () => {
  const section = (id: string, heading: string, text: string) => `<div class="section" id="${id}"><h2>${heading}</h2><p>${text}</p></div>`
  const intro =
    'The valley’s reservoirs are at their lowest in twenty years. This guide explains how the water board will share the river with farmers and households until the autumn rains come, and what each of them is asked to do in the meantime.'
  const history =
    'Last year the valley recorded its wettest winter in a decade, which officials said had masked how quickly demand was growing in the new suburbs.'
  const html = `<body><div class="document">${section('introduction', 'Introduction', `${intro}</p><p>${history}`)}${section('sharing-with-a-single-developer', 'Sharing with a single developer', PROSE[0] ?? '')}${section('related-work', 'Related work', PROSE[1] ?? '')}${section('comments-on-the-draft', 'Comments on the draft', PROSE[2] ?? '')}</div></body>`
  expect(bodyOf(html)).toEqual([
    'Introduction',
    intro,
    history,
    'Sharing with a single developer',
    PROSE[0],
    'Related work',
    PROSE[1],
    'Comments on the draft',
    PROSE[2],
  ])
  // An id that names a role, not the heading inside, still marks chrome.
  const comments = `<div id="comments-section"><h3>Leave a reply</h3><p>${PROSE[1]?.replace('Engineers', 'Readers')}</p></div>`
  expect(bodyOf(`<body><article>${PROSE.map((p) => `<p>${p}</p>`).join('')}</article>${comments}</body>`)).toEqual(PROSE)
})

test('an article split into sections, one wrapper each, is kept whole', () => {
  const section = (heading: string, text: string) => `<section class="entry"><div class="inner"><h2>${heading}</h2><p>${text}</p></div></section>`
  const html = `<body><div class="list">${section('One', PROSE[0] ?? '')}${section('Two', PROSE[1] ?? '')}${section('Three', PROSE[2] ?? '')}</div></body>`
  expect(bodyOf(html)).toEqual(['One', PROSE[0], 'Two', PROSE[1], 'Three', PROSE[2]])
})

// Issue 17: causes of wrong bodies on real pages, each on a page that isolates it.
describe('what is the story and what is beside it', () => {
  const story = PROSE.map((p) => `<p>${p}</p>`).join('')
  const MORE = [
    'The board will publish weekly figures for each reservoir on its website from next Thursday, alongside advice on saving water at home.',
    'Last year the valley recorded its wettest winter in a decade, which officials said had masked how quickly demand was growing in the new suburbs.',
    'A public meeting on the plans will be held at the town hall on 12 July, and written comments can be sent to the board until the end of the month.',
  ]
  const longStory = [...PROSE, ...MORE].map((p) => `<p>${p}</p>`).join('')

  test('React streaming segments (<div hidden id="S:1">) are the visible page, not hidden text', () => {
    const html = `<body><main><!--$?--><template id="B:0"></template><p>Loading…</p><!--/$--></main>
      <div class="newsletter-cta"><p>Sign up for our weekly newsletter and never miss a story from the valley again.</p></div>
      <div hidden id="S:0"><article><h1>Reservoirs low</h1>${story}</article></div>
      <script>$RC("B:0","S:0")</script></body>`
    expect(bodyOf(html, 'Reservoirs low')).toEqual(PROSE)
    // An element hidden with the attribute for any other reason stays hidden.
    expect(
      bodyOf(`<body><article>${story}</article><div hidden id="promo"><p>${'Hidden promotional copy that nobody sees. '.repeat(8)}</p></div></body>`),
    ).toEqual(PROSE)
  })

  test('a large copy of other stories hidden by a class (.hide, .d-none) neither wins nor widens the body', () => {
    const hiddenCopy = `<div class="hide">${Array.from({ length: 6 }, (_, i) => `<p>Related story ${i}: ${PROSE[i % 3]}</p>`).join('')}</div>`
    expect(bodyOf(`<body><div class="page"><article>${story}</article>${hiddenCopy}</div></body>`)).toEqual(PROSE)
    expect(bodyOf(`<body><div class="page"><article>${story}</article>${hiddenCopy.replace('hide', 'd-none')}</div></body>`)).toEqual(PROSE)
    // Hidden only on small screens is shown on large ones.
    expect(bodyOf(`<body><div class="d-none d-md-block"><article>${story}</article></div></body>`)).toEqual(PROSE)
  })

  test('teaser <article>s beside the story are other stories', () => {
    const teaser = (n: number) =>
      `<article class="card"><h2><a href="/story/${n}">Other story ${n}</a></h2><p>${PROSE[n % 3]?.replace('The regional', 'Another')}</p></article>`
    const html = `<body><div class="stream"><article class="card"><h1>Reservoirs low</h1>${story}</article>${teaser(1)}${teaser(2)}${teaser(3)}</div></body>`
    expect(bodyOf(html, 'Reservoirs low')).toEqual(PROSE)
  })

  test('a stream of story cards written as a list (<li> with a linked heading and a summary) is other stories', () => {
    const card = (n: number) => `<li class="item"><h3><a href="/story/${n}">Other story ${n}</a></h3><p>${MORE[n % 3]}</p><span>Valley News</span></li>`
    const stream = `<div class="stream"><ul>${[1, 2, 3, 4, 5, 6].map(card).join('')}</ul></div>`
    const html = `<body><div class="main"><section class="story">${story}</section>${stream}</div></body>`
    expect(bodyOf(html)).toEqual(PROSE)
  })

  test('cards inside the story\'s own container ("Read next") do not stop it widening to the rest of the story', () => {
    const card = (n: number) => `<li class="item"><h3><a href="/story/${n}">Other story ${n}</a></h3><p>${MORE[n % 3]}</p></li>`
    const intro =
      'The valley’s reservoirs are at their lowest in twenty years, and the water board, which serves half a million homes, has a plan to see them through to the autumn rains. It starts with the river pumps and a request to every household.'
    const $ = load(`<body><div class="body"><div class="hero"><p>${intro}</p></div><div class="group">${story}<ul>${card(1)}${card(2)}</ul></div></div></body>`)
    const { blocks, totals } = splitBlocks($('body').get(0) as Element, { skipChrome: true, pageChars: Infinity })
    const group = $('.group').get(0) as Element
    const teasers = findTeasers(totals.keys())
    expect(teasers).toEqual($('li.item').get())
    expect(growWhileProse(group, proseChars(blocks), totals, teasers)).toBe($('.body').get(0))
  })

  test('but sections of one story, each an <article> whose headings lead nowhere, are one story', () => {
    const section = (n: number) => `<article class="step"><h3>Step ${n}</h3><p>${PROSE[n - 1]}</p></article>`
    expect(bodyOf(`<body><div class="steps">${section(1)}${section(2)}${section(3)}</div></body>`)).toEqual([
      'Step 1',
      PROSE[0],
      'Step 2',
      PROSE[1],
      'Step 3',
      PROSE[2],
    ])
  })

  test('a newsletter box, an author bio and a disclaimer at the foot of the story are left out', () => {
    const foot = `<div class="box"><p>Like this story? Sign up for our newsletter and get it in your inbox every morning.</p></div>
      <p>Jane Doe is a senior reporter covering water and the environment for the Valley News.</p>
      <p>Disclaimer: This article is for informational purposes only and does not constitute financial advice.</p>`
    expect(extractBody(load(`<body><article>${longStory}${foot}</article></body>`), null, ['Jane Doe'])).toEqual([...PROSE, ...MORE])
  })

  test('a call to book or buy is left out in a box of its own, kept in the story’s own closing lines', () => {
    const inFlow = `<p>Contact our team today for a free consultation about your water supply.</p>`
    expect(bodyOf(`<body><article>${story}${inFlow}</article></body>`)).toEqual([
      ...PROSE,
      'Contact our team today for a free consultation about your water supply.',
    ])
    const boxed = `<div class="cta"><h3>Need help with your project?</h3><p>Get free quotes from top-rated pros near you.</p></div>`
    expect(bodyOf(`<body><article>${longStory}${boxed}</article></body>`)).toEqual([...PROSE, ...MORE])
  })

  test('reading time, the date and the byline above the story are not its first paragraphs', () => {
    const head = '<p>4 min read</p><p>June 6, 2013</p><p>By Jane Doe</p>'
    expect(extractBody(load(`<body><article>${head}${story}</article></body>`), null, ['Jane Doe'])).toEqual(PROSE)
  })
})

test('an article written as a list of sentences (release notes) beats the comments below it', () => {
  const notes = [
    'We have just landed a change which aims to prevent starting an update while another instance of the browser is running.',
    'Users can now import their saved logins from a password manager file, thanks to a contribution from a volunteer.',
    'From version 85 it is possible to disable tab-to-search for each search engine, by unchecking it in the preferences.',
    'Printing non-contiguous page ranges, such as the first three pages and then pages six and seven, is now supported.',
  ]
  const comments = Array.from(
    { length: 3 },
    (_, i) =>
      `<li class="c"><p>Reader ${i} says: I really hope there will be a way to group my open tabs into collections, as on the phone, because I need it for work, school and home.</p></li>`,
  ).join('')
  const html = `<body><main><article><h1>These weeks</h1><div class="post-body"><h3>Highlights</h3><ul>${notes.map((n) => `<li>${n}</li>`).join('')}</ul></div></article>
    <section><ol class="thread">${comments}</ol></section></main></body>`
  expect(bodyOf(html, 'These weeks')).toEqual(['Highlights', ...notes])
})

test('"Like this:" and a like button\'s "Like Loading..." are page furniture', () => {
  expect(
    bodyOf(
      `<body><article>${PROSE.map((p) => `<p>${p}</p>`).join('')}<div class="sharedaddy"><h3>Like this:</h3><span>Like</span> <span>Loading...</span></div></article></body>`,
    ),
  ).toEqual(PROSE)
})
