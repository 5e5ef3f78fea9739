// The outlet's names, as the page gives them. Meta tags and JSON-LD name the site outright;
// the domain is a last resort for the publisher. The page's own link home (its logo) names
// the site too, which lets a title shed a suffix no meta tag names ("Story – My website").
import type { CheerioAPI } from 'cheerio'
import type { Element } from 'domhandler'
import type { JsonLdData } from './json-ld'
import { elementsNamed } from './elements'
import { fold, meta } from './meta'

// Most specific first; the first one is the publisher.
export function siteNamesOf($: CheerioAPI, jsonLd: JsonLdData, url: string | null): string[] {
  return distinct([
    meta($, 'og:site_name'),
    jsonLd.article?.publisher ?? null,
    jsonLd.siteName,
    meta($, 'application-name', 'apple-mobile-web-app-title', 'twitter:site'),
    nameFromDomain(url),
  ])
}

// Names of the site from its links home: the link's title, its text, or its logo's alt text.
// Only for recognising a site suffix in a title: a blog's home link may be its author's name,
// which must not stop that name counting as a byline.
export function homeLinkNames($: CheerioAPI, url: string | null): string[] {
  const names: (string | null)[] = []
  let links = 0
  const page = parseUrl(url)
  for (const a of elementsNamed($, 'a')) {
    if (!isHomeLink(a.attribs.href, page)) continue
    names.push(clean(a.attribs.title), clean($(a).text()), ...imageAlts(a).map(clean))
    if (++links >= 3) break
  }
  return distinct(names)
}

// Only an address with no path can be home: most links are told apart without parsing them.
const ROOT_ADDRESS = /^(?:https?:)?\/\/[^/?#]+\/?$/i

function isHomeLink(href: string | undefined, page: URL | null): boolean {
  if (!href) return false
  const trimmed = href.trim()
  if (trimmed === '/' || trimmed === './') return true
  if (!page || !ROOT_ADDRESS.test(trimmed)) return false
  const target = parseUrl(trimmed, page)
  return target !== null && target.origin === page.origin
}

function parseUrl(url: string | null, base?: URL): URL | null {
  if (!url) return null
  try {
    return new URL(url, base)
  } catch {
    return null
  }
}

function imageAlts(a: Element): string[] {
  const alts: string[] = []
  const stack = [...a.children]
  while (stack.length > 0) {
    const node = stack.pop()
    if (!node || node.type !== 'tag') continue
    const el = node as Element
    if (el.name === 'img' && el.attribs.alt) alts.push(el.attribs.alt)
    stack.push(...el.children)
  }
  return alts
}

// Words that label the link, not the site.
const NOT_SITE_NAME =
  /^(?:home|homepage|home page|start|front page|main page|back|logo|menu|go to homepage|return to homepage|accueil|inicio|startseite|home icon|site logo)$/i

function clean(text: string | undefined): string | null {
  const name = (text ?? '')
    .replace(/\s+/g, ' ')
    .replace(/\s*\blogo\b\s*/gi, ' ')
    .trim()
  if (name.length < 2 || name.length > 40 || NOT_SITE_NAME.test(name)) return null
  return name
}

function distinct(names: (string | null | undefined)[]): string[] {
  const seen = new Set<string>()
  return names.filter((name): name is string => {
    if (!name) return false
    const key = fold(name)
    if (!key || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

// "https://www.theverge.com/…" -> "Theverge": a last resort, good enough to label an outlet.
export function nameFromDomain(url: string | null): string | null {
  if (!url) return null
  let host: string
  try {
    host = new URL(url).hostname
  } catch {
    return null
  }
  const labels = host.replace(/^www\d*\./, '').split('.')
  // "bbc.co.uk": the label before a short second-level domain is the name.
  const index = labels.length >= 3 && (labels[labels.length - 2] ?? '').length <= 3 ? labels.length - 3 : labels.length - 2
  const label = labels[Math.max(0, index)] ?? ''
  return label ? label.charAt(0).toUpperCase() + label.slice(1) : null
}
