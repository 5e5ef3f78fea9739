// Recognising page chrome by markup: tags that never hold article prose, and class/id/role
// names that sites give to captions, share bars, related links, newsletter boxes and the like.
// A name counts as chrome only when its first or last meaningful word is a chrome word
// ("share-buttons", "post-meta", "c-picture__caption"), not when one sits in the middle
// ("elementor-widget-container", "field-label-hidden"): substring matching on class names
// throws away real articles.
import { isTag, isText, type Element } from 'domhandler'

// Never prose, whatever they are called.
const JUNK_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'source',
  'track',
  'picture',
  'img',
  'map',
  'button',
  'select',
  'option',
  'input',
  'textarea',
  'label',
  'nav',
  'aside',
  'footer',
  'figure',
  'figcaption',
  'dialog',
  'menu',
  'head',
  'title',
  'link',
  'meta',
  'base',
])

// Chrome by name. Each alternative is a word of a class or id.
const BOILERPLATE_WORD = new RegExp(
  '^(?:' +
    [
      'ads?',
      'adv',
      'advert\\w*',
      'adslot',
      'adunit',
      'dfp',
      'gpt',
      'sponsor\\w*',
      'promo\\w*',
      'partner\\w*',
      'commercial',
      'outbrain',
      'taboola',
      'zergnet',
      'affiliate',
      'comments?',
      'commenting',
      'disqus',
      'replies',
      'respond',
      'discussion',
      'share',
      'sharing',
      'sharebar',
      'shares',
      'social',
      'socials',
      'sociallinks',
      'follow',
      'print',
      'related',
      'recommended',
      'recommendations?',
      'recirc',
      'trending',
      'popular',
      'most',
      'more',
      'readmore',
      'teasers?',
      'newsletters?',
      'subscribe',
      'subscription',
      'signup',
      'optin',
      'registration',
      'regwall',
      'login',
      'signin',
      'auth',
      'account',
      'cookies?',
      'consent',
      'gdpr',
      'privacy',
      'breadcrumbs?',
      'sidebar',
      'masthead',
      'navbar',
      'navigation',
      'menu',
      'footer',
      'header',
      'pagination',
      'pager',
      'popup',
      'modal',
      'overlay',
      'toolbar',
      'tools',
      'captions?',
      'credits?',
      'caption_text',
      'figcaption',
      'wp-caption-text',
      'photo-credit',
      'byline',
      'bylines',
      'author',
      'authors',
      'dateline',
      'timestamp',
      'date',
      'published',
      'updated',
      'meta',
      'metadata',
      'tags',
      'topics',
      'keywords',
      'categories',
      'skip',
      'banner',
      'alert',
      'rating',
      'bio',
      'tooltip',
      'offscreen',
    ].join('|') +
    ')$',
)

// A class/id that names the article itself wins over any chrome word it also contains
// ("post-content has-comments").
const ARTICLE_NAME =
  /^(?:(?:article|post|entry|story|blog|main|news|page)[-_]?(?:body|content|text|copy|inner|main)|article|story|content|main|body-?text|text-?body)$/

const CHROME_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
  'toolbar',
  'tablist',
  'form',
])

const NEVER_CHROME = new Set(['html', 'body', 'main', 'article'])

// Whole names that hide text from sighted readers or mark it as such.
const CHROME_NAMES = new Set([
  'hidden',
  'is-hidden',
  'sr-only',
  'visually-hidden',
  'visuallyhidden',
  'screen-reader-text',
  'screenreader',
  'wp-caption-text',
  'u-hidden',
])

// Trailing words that say how a thing is laid out, not what it is ("comments-area").
const STRUCTURAL = new Set([
  'wrap',
  'wrapper',
  'wrp',
  'container',
  'box',
  'bar',
  'block',
  'section',
  'area',
  'list',
  'links',
  'link',
  'module',
  'inner',
  'outer',
  'holder',
  'panel',
  'item',
  'items',
  'buttons',
  'button',
  'btn',
  'icons',
  'icon',
  'text',
  'title',
  'label',
  'content',
  'placeholder',
  'unit',
  'slot',
  'zone',
  'group',
  'row',
  'col',
  'el',
  'component',
  'widget',
  'container',
])

function meaningfulWords(name: string): string[] {
  const words = name.split(/[-_]+/).filter((w) => w.length > 1 && !/^\d+$/.test(w) && w !== 'js' && w !== 'has' && w !== 'is')
  while (words.length > 1 && STRUCTURAL.has(words[words.length - 1] ?? '')) words.pop()
  return words
}

// Words that, leading a name, say it holds the article whatever follows ("content-with-sidebar").
const ARTICLE_WORD = /^(?:main|article|content|body|story|entry|hentry|post)$/

// Pages repeat the same few dozen class names over thousands of elements: each name is judged
// once. Bounded, since a hostile page can make up any number of names.
const MAX_REMEMBERED_NAMES = 10_000

function remembered(judge: (name: string) => boolean): (name: string) => boolean {
  const known = new Map<string, boolean>()
  return (name) => {
    let verdict = known.get(name)
    if (verdict === undefined) {
      verdict = judge(name)
      if (known.size >= MAX_REMEMBERED_NAMES) known.clear()
      known.set(name, verdict)
    }
    return verdict
  }
}

const isChromeName = remembered((name) => {
  if (CHROME_NAMES.has(name)) return true
  const words = meaningfulWords(name)
  const first = words[0]
  if (first !== undefined && ARTICLE_WORD.test(first)) return false
  const last = words[words.length - 1]
  return (first !== undefined && BOILERPLATE_WORD.test(first)) || (last !== undefined && BOILERPLATE_WORD.test(last))
})

function names(el: Element): string[] {
  // Most elements have neither attribute.
  if (el.attribs.class === undefined && el.attribs.id === undefined) return []
  return classAndId(el).toLowerCase().split(/\s+/).filter(Boolean)
}

function classAndId(el: Element): string {
  return `${el.attribs.class ?? ''} ${ownId(el) ?? ''}`
}

// The id, unless it is the anchor of a section named after its own heading, as documentation
// generators and Markdown renderers make them (<div id="sharing-with-a-single-developer"><h2>
// Sharing with a single developer</h2>): a title, not a role, however it starts.
function ownId(el: Element): string | undefined {
  const id = el.attribs.id
  if (!id || !/[-_]/.test(id)) return id
  const heading = el.children.find(isTag)
  if (!heading || !/^h[1-6]$/.test(heading.name)) return id
  const slug = id.toLowerCase().split(/[-_]+/).filter(Boolean).join(' ')
  return slug === headingWords(heading) ? undefined : id
}

function headingWords(heading: Element): string {
  const text = textOf(heading).toLowerCase()
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')
}

function textOf(node: Element): string {
  let text = ''
  for (const child of node.children) {
    if (isText(child)) text += child.data
    else if (isTag(child)) text += textOf(child)
  }
  return text
}

export function isJunkTag(el: Element): boolean {
  return JUNK_TAGS.has(el.name)
}

// Hidden from readers, so not the article: except a hidden microdata holder, which sites
// use to hand the whole article to crawlers, and a React streaming segment. (aria-hidden is
// not used: sites put it on visible decorative wrappers too.)
export function isHidden(el: Element): boolean {
  if (el.attribs.hidden !== undefined) return !isStreamedSegment(el)
  if (el.attribs.itemscope !== undefined || el.attribs.itemprop !== undefined) return false
  const style = el.attribs.style
  return style !== undefined && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)
}

// React's server renderer streams the parts of a page that were not ready at first as
// <div hidden id="S:2">…</div> at the end of <body>, and a script moves each into place as it
// arrives ($RC("B:2", "S:2")). What a reader sees is that content: it is not hidden.
const STREAMED_SEGMENT_ID = /^S:[0-9a-f]+$/i

function isStreamedSegment(el: Element): boolean {
  return el.name === 'div' && STREAMED_SEGMENT_ID.test(el.attribs.id ?? '')
}

// Utility classes that hide an element ("hide", "d-none", "hidden"), unless a responsive class
// shows it again at some screen size ("d-none d-md-block", "hidden lg:block").
const HIDING_CLASSES = new Set([
  'hide',
  'hidden',
  'd-none',
  'display-none',
  'is-hidden',
  'u-hidden',
  'u-hide',
  'is-hide',
  'invisible',
  'visually-hidden',
  'visuallyhidden',
  'sr-only',
  'screen-reader-text',
])
const SHOWN_AT_SOME_SIZE = /^(?:d-(?:sm|md|lg|xl|xxl)-(?!none)|(?:sm|md|lg|xl|2xl):(?!hidden)|visible-|show-for-)/

export function hasHidingClass(el: Element): boolean {
  const value = el.attribs.class
  // Pages hide <body> until their scripts have run, against a flash of unstyled content.
  if (!value || el.name === 'body' || el.name === 'html' || !/hid|none|invisible|sr-only|screen-reader/i.test(value)) return false
  const classes = value.toLowerCase().split(/\s+/)
  return classes.some((name) => HIDING_CLASSES.has(name)) && !classes.some((name) => SHOWN_AT_SOME_SIZE.test(name))
}

export function namesArticle(el: Element): boolean {
  return isArticleBodyProp(el) || names(el).some(isArticleName)
}

function isArticleBodyProp(el: Element): boolean {
  return el.attribs.itemprop?.split(/\s+/).includes('articleBody') ?? false
}

const isArticleName = remembered(
  (name) => ARTICLE_NAME.test(name) || /^(?:main|article|content|story|entry|hentry|h-entry)$/.test(meaningfulWords(name).at(-1) ?? ''),
)

// Chrome by its name or role. Forms are chrome unless they wrap the page (old ASP.NET sites).
export function isBoilerplate(el: Element): boolean {
  if (NEVER_CHROME.has(el.name)) return false
  const role = el.attribs.role
  if (role && CHROME_ROLES.has(role)) return true
  if (el.name === 'header') return true
  if (isArticleBodyProp(el)) return false
  const own = names(el)
  return !own.some(isArticleName) && own.some(isChromeName)
}

const POSITIVE_NAME = /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story/i
const NEGATIVE_NAME =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i

// Readability's class weight: a nudge for containers whose names suggest the article.
export function classWeight(el: Element): number {
  let weight = 0
  for (const name of [el.attribs.class, ownId(el)]) {
    if (!name) continue
    if (NEGATIVE_NAME.test(name)) weight -= 25
    if (POSITIVE_NAME.test(name)) weight += 25
  }
  return weight
}

// Short lines that are page furniture wherever they appear.
const FURNITURE_TEXT =
  /^(?:advertisement|advertising|sponsored( content)?|ad|read more|read next|continue reading|more:?|share( this( article| story| post)?)?:?|share on \w+|tweet|email|print|subscribe( now)?|sign up( now)?|sign in|log in|follow us.*|related:?|related (articles|stories|content|posts|coverage):?|recommended( for you)?|you may also like|you might also like|click here.*|see also:?|image:.*|photo:.*|(photo|image|picture)s?( credit)?:.*|\(?(photo|image) by .*|getty images|©.*|copyright ©?.*|all rights reserved\.?|comments?( \(\d+\))?|\d+ comments?|loading\.*|like this:?|(?:like|suka) (?:loading|memuat)\.*|skip to (main )?content|back to top|scroll to top|listen to (this )?(article|story).*|\d+ min(ute)? read|updated:? .*|published:? .*|posted:? .*)$/i

export function isFurniture(text: string): boolean {
  return text.length < 120 && FURNITURE_TEXT.test(text)
}
