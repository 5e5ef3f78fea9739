// Text copied out of a browser: the article with whatever page chrome came along — photo
// captions and teasers before it, "Related" lists, comment threads and log-in boxes after.
//
// The body is the best-scoring run of prose lines (maximum-sum segment: prose scores by its
// words, short chrome lines cost), where runs cannot cross a boundary line (a byline, a date
// line, a photo credit) and nothing after an end-of-article marker ("(Reporting by …)", a
// comment thread) can be body. The title is the nearest headline-like line above the body;
// what lies between them can be a standfirst, a byline or a date line.
import { parseByline } from '../bylines'
import { parsePublicationDate, toPublishedIso } from '../dates'
import { parseDatelineHeader, parseOpeningDateline } from '../dateline'
import { normalizeParagraph } from '../../../text/normalize'
import type { ArticleDraft, PublishedDate } from '../../types'
import { EXTRACTOR_VERSION } from '../version'
import { classifyLine, endsArticle, type Line } from './lines'

type Segment = { start: number; end: number; score: number } // line indexes, end inclusive

// Maximum-sum contiguous run of line scores between boundaries (Kadane's algorithm).
function bestSegment(lines: Line[], limit: number): Segment | null {
  let best: Segment | null = null
  let start = 0
  let sum = 0
  for (let i = 0; i < limit; i++) {
    const line = lines[i]
    if (!line) break
    if (line.boundary) {
      sum = 0
      start = i + 1
      continue
    }
    if (sum <= 0) {
      sum = 0
      start = i
    }
    sum += line.score
    if (sum > 0 && (!best || sum > best.score)) best = { start, end: i, score: sum }
  }
  return best
}

// Trim non-prose lines off the ends of the body: a segment may start or end on a short line
// only because its neighbours paid for it.
function trimToProse(lines: Line[], segment: Segment): Segment {
  let { start, end } = segment
  while (start < end && lines[start]?.kind !== 'prose') start++
  while (end > start && lines[end]?.kind !== 'prose') end--
  return { start, end, score: segment.score }
}

// The article's head sits right above the body: its headline and dek (at most three lines,
// counting a headline printed twice), with bylines and dates among them, and below them
// perhaps photo captions and share buttons. Walking up from the body, page chrome may be
// passed only until the head starts; above the head, chrome or anything else ends it.
const HEAD_SIZE = 3
const META = new Set<Line['kind']>(['byline', 'date', 'dateline-header'])
const BELOW_HEAD = new Set<Line['kind']>(['caption', 'chrome'])

function headLines(lines: Line[], bodyStart: number): Line[] {
  const head: Line[] = []
  for (let i = bodyStart - 1; i >= 0 && head.length < HEAD_SIZE; i--) {
    const line = lines[i]
    if (!line) break
    if (line.kind === 'headline' || line.kind === 'standfirst') head.unshift(line)
    else if (!(META.has(line.kind) || (head.length === 0 && BELOW_HEAD.has(line.kind)))) break
  }
  return head
}

function published(lines: Line[], from: number, to: number): { date: PublishedDate | null; place: string | null } {
  for (let i = from; i < to; i++) {
    const line = lines[i]
    if (!line || (line.kind !== 'dateline-header' && line.kind !== 'date')) continue
    const header = line.kind === 'dateline-header' ? parseDatelineHeader(line.text) : null
    const parsed = parsePublicationDate(header?.dateText ?? line.text)
    if (parsed) return { date: { iso: toPublishedIso(parsed), source: 'dateline', confidence: parsed.hasZone ? 0.9 : 0.6 }, place: header?.place ?? null }
  }
  return { date: null, place: null }
}

// Enough prose that what follows an end marker is the page after the article, not a
// "Related" list above a short article.
const MIN_BODY_WORDS = 40

// The first end-of-article marker that comes after a real body; nothing past it is body
// (comment threads are prose too, and often longer than the article).
function endOfArticle(lines: Line[]): number {
  for (const [i, line] of lines.entries()) {
    if (endsArticle(line) && (bestSegment(lines, i)?.score ?? 0) >= MIN_BODY_WORDS) return i
  }
  return lines.length
}

export function extractPlainText(text: string): ArticleDraft {
  const raw = text
    .split(/\r?\n/)
    .map(normalizeParagraph)
    .filter((line) => line.length > 0)
  const lines = raw.map((line, i) => classifyLine(line, raw[i - 1] ?? null, raw[i + 1] ?? null))
  const found = bestSegment(lines, endOfArticle(lines))
  const warnings: string[] = []
  const draft: ArticleDraft = {
    format: 'text',
    title: null,
    standfirst: null,
    bylines: [],
    publisher: null,
    dateline: null,
    published: null,
    canonicalUrl: null,
    language: null,
    paragraphs: [],
    extractorVersion: EXTRACTOR_VERSION,
    warnings,
  }
  if (!found) return draft
  const body = trimToProse(lines, found)
  draft.paragraphs = lines.slice(body.start, body.end + 1).map((line) => line.text)

  // Title first, then the dek; sites often print the headline twice (title bar and page).
  const head = headLines(lines, body.start)
  const [title] = head
  draft.title = title?.text ?? null
  draft.standfirst = head.find((line) => line !== title && line.text !== title?.text)?.text ?? null
  if (!title) warnings.push('No headline found above the article text.')

  const titleAt = title ? lines.indexOf(title) : -1
  const headStart = titleAt + 1
  const between = lines.slice(headStart, body.start)

  // Bylines: above the body ("By Jane Doe") or the wire credit line right after it.
  const bylineLines = [...between, lines[body.end + 1]].filter((line): line is Line => line?.kind === 'byline')
  // A wire credit comes in parentheses: "(Reporting by Bill Rigby; Editing by …)".
  draft.bylines = [...new Set(bylineLines.flatMap((line) => parseByline(line.text.replace(/^\((.*)\)$/, '$1'))))]

  const header = published(lines, headStart, body.start)
  draft.published = header.date
  const opening = parseOpeningDateline(draft.paragraphs[0] ?? '')
  draft.dateline = opening?.place ?? header.place
  draft.publisher = opening?.agency ?? null

  if (!draft.published) warnings.push('No publication date found: an editor should supply it.')
  if (draft.bylines.length === 0) warnings.push('No byline found.')
  return draft
}
