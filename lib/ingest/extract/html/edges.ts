// The article's edges. Between the story and the page around it, templates put things that
// read like prose to the scorer but are not the story: a call to subscribe or book a demo, the
// author's bio, an affiliate disclosure, "Additional reporting by", the date and the byline
// again. Found by what they say, and only at the ends: the same words in the middle of a story
// are the story's own ("customers can sign up from Monday").
import { parseDate } from '../dates'

// At most this share of the paragraphs is trimmed from either end: a page that is all
// "clutter" by these tests is better kept whole.
const MAX_TRIMMED_SHARE = 0.4
const SHORT = 300
const PROSE = 150

// A paragraph and the box it sits in (any value that is the same for paragraphs of one box).
export type EdgeParagraph = { text: string; box: unknown }

export function trimEdges<P extends EdgeParagraph>(paragraphs: P[], bylines: readonly string[] = []): P[] {
  const limit = Math.floor(paragraphs.length * MAX_TRIMMED_SHARE)
  let start = 0
  while (start < limit && isLeadingClutter(paragraphs[start]?.text ?? '', bylines)) start++
  let end = paragraphs.length
  const cut = aboutSectionStart(paragraphs, bylines)
  if (cut !== null && paragraphs.length - cut <= limit) end = cut
  const flow = flowBox(paragraphs, end)
  // A short line in the box of something trimmed goes with it: the box's heading.
  let trimmedBox: unknown = undefined
  while (end - 1 > start && paragraphs.length - end < limit) {
    const last = paragraphs[end - 1]
    if (!last) break
    const boxMate = trimmedBox !== undefined && last.box === trimmedBox && last.box !== flow && last.text.length <= 120
    if (!boxMate && !isTrailingClutter(last, flow, bylines)) break
    trimmedBox = last.box
    end--
  }
  return start === 0 && end === paragraphs.length ? paragraphs : paragraphs.slice(start, end)
}

// The box that holds the story's closing prose: a call to action in the same box is the
// writer's own conclusion ("Contact us today for a quote"), one in a box of its own is a banner.
function flowBox(paragraphs: EdgeParagraph[], end: number): unknown {
  for (let i = end - 1; i >= 0; i--) {
    const paragraph = paragraphs[i]
    if (paragraph && paragraph.text.length >= PROSE) return paragraph.box
  }
  return undefined
}

// Calls to join the site: a newsletter, comments, sharing. Wherever they sit at the edge.
const SITE_CTA =
  /\b(?:sign(?:ing)? up|subscribe|newsletters?|in(?:to)? your inbox|pin it|share (?:it|this|the (?:post|article|story))|follow (?:us|her|him|them|me)|join (?:the conversation|our (?:community|mailing list|newsletter))|leave a comment|you (?:may|might) also like|(?:like|enjoy(?:ed)?) (?:this|the) (?:post|article|story)|if you (?:enjoyed|liked) (?:this|the|my)|was (?:this|the) (?:article|post|page) (?:useful|helpful)|tell us what you think)\b/i
// Calls to buy: in a box of their own only.
const SALES_CTA =
  /\b(?:free (?:trial|demo|e-?book|guide|quote|consultation)|book (?:a|your) (?:free )?(?:demo|call|consultation|stay)|request a (?:quote|demo)|get (?:a )?(?:free )?quotes?|make a reservation|contact (?:us|our)|get in touch|download (?:our|the|your|it)|learn more|check out|buy (?:now|it)|shop (?:now|the)|get started|click here|sponsorship|collaborate with us|let us know)\b/i
const ADDRESSES_READER = /\b(?:you|your|yours|us|our|we)\b|[!?]/i
const IMPERATIVE_OPENING =
  /^(?:sign up|subscribe|join|download|get|book|request|contact|learn|check|follow|buy|shop|click|register|try|start|discover|explore|read|pin|share|listen|watch|call|email|visit|make|need|want|ready|looking|interested|like|enjoy(?:ed)?|have a tip|got a|don['’]t|be sure|tell us|leave|let us|stay)\b/i
// Reported speech is the story's, whatever it asks: "“Sign up now,” she said."
const REPORTED = /[“”"]|\b(?:said|says|told)\b/

function isCallToAction(text: string, boxed: boolean): boolean {
  // In the story's own box, only a line or two: a longer paragraph is the writer signing off.
  if (text.length > (boxed ? SHORT : 200) || REPORTED.test(text)) return false
  if (!SITE_CTA.test(text) && !(boxed && SALES_CTA.test(text))) return false
  return IMPERATIVE_OPENING.test(text) || ADDRESSES_READER.test(text)
}

// Disclosures, disclaimers, image credits and other fine print.
const FINE_PRINT =
  /^(?:disclaimer|disclosure|affiliate disclosure|advertiser disclosure|editorial disclosure|editor['’]s note|note to readers)\b|\b(?:affiliate (?:links?|commissions?|marketer)|(?:may|might) (?:earn|receive) (?:a )?(?:small )?(?:commissions?|compensation)|earn from qualifying purchases|for (?:general )?informational purposes only|(?:does|do) not constitute (?:financial|legal|medical|investment|tax) advice|not (?:intended as )?(?:financial|legal|medical|investment|tax) advice|the (?:views|opinions) expressed|developed in partnership with|paid partnership|all (?:personal )?loans (?:are )?made by|used under licen[cs]e|(?:feature|featured|header|cover|lead) (?:image|photo)s?(?: by|:| via| courtesy)|images? (?:via|courtesy of)|by posting a comment|©|all rights reserved)\b/i

// Credit lines that close wire copy: "Additional reporting by …", "Source: News agencies".
const CREDIT_LINE =
  /^\(?(?:(?:additional |further )?reporting by|(?:writing|editing) by|contributing:|compiled by|sources?:|with (?:reporting from|additional reporting)|(?:written|posted) by)\b/i

// "Reviewed by …", "Fact checked by …" above the story.
const REVIEW_LINE = /^(?:medically |expert |fact[- ]checked and )?(?:reviewed|fact[- ]checked) by\b/i

// Page furniture that reads as a line: reading time, view counts, a gallery's counter.
const META_LINE =
  /^(?:[-–—•|·\s]*)(?:\d[\d,.]*\s*(?:views?|reads?|shares?|comments?)|\d+\s*min(?:ute)?s?(?: read(?:ing)?)?(?: time)?|(?:reading time|read time|tempo de leitura|temps de lecture|lesezeit)\b.*|image \d+ of.*|(?:show|hide) caption|caption|close|table of contents|contents:?|posts|top video|don['’]t miss)$/i

function isDateLine(text: string): boolean {
  if (text.length > 60) return false
  const words = text.split(/\s+/).length
  return words <= 9 && parseDate(text) !== null
}

// "Jane Doe is a freelance writer …", "Hey, I'm Jessica! Welcome to …", "Jane Doe, Founder of …".
const WRITER_ROLE =
  /\b(?:writer|journalist|reporter|editor|correspondent|columnist|contributor|blogger|curator|freelancer?|author of|founder of|host of|expert in)\b/i
const SELF_INTRODUCTION = /^(?:hi|hey|hello)\b[,!]?\s+i['’]m\s+\p{Lu}/iu
const NAMED_SENTENCE = /^((?:\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Lu}[\p{L}'’.-]*)\s+(?:is|was|has been|writes|covers|reports)\b/u

function isAuthorBio(text: string, bylines: readonly string[]): boolean {
  if (SELF_INTRODUCTION.test(text)) return true
  if (startsWithByline(text, bylines) && (text.length <= 80 || /^\S+(?:\s+\S+){0,3}\s+(?:is|was|has|writes|covers|reports)\b/.test(text))) return true
  const named = NAMED_SENTENCE.exec(text)
  return named !== null && text.length <= 600 && WRITER_ROLE.test(text.slice(0, 200))
}

function startsWithByline(text: string, bylines: readonly string[]): boolean {
  const lower = text.toLowerCase()
  return bylines.some((name) => {
    const full = name.toLowerCase()
    const last = full.split(' ').at(-1) ?? ''
    return lower.startsWith(full) || (last.length > 2 && full.includes(' ') && lower.startsWith(`${last} `) && /^\S+\s+(?:is|was)\b/.test(lower))
  })
}

function isBylineLine(text: string, bylines: readonly string[]): boolean {
  if (text.length > 80) return false
  const folded = text
    .replace(/^(?:by|par|por|written by|words by)\s+/i, '')
    .replace(/[\s|•·,–—-]+$/, '')
    .toLowerCase()
  return bylines.some((name) => folded === name.toLowerCase() || (folded.startsWith(name.toLowerCase()) && /^(?:by|par|por)\s/i.test(text)))
}

function isLeadingClutter(text: string, bylines: readonly string[]): boolean {
  return (
    META_LINE.test(text) || isDateLine(text) || isBylineLine(text, bylines) || (REVIEW_LINE.test(text) && text.length <= SHORT) || isCallToAction(text, false)
  )
}

function isTrailingClutter({ text, box }: EdgeParagraph, flow: unknown, bylines: readonly string[]): boolean {
  if (META_LINE.test(text) || isCallToAction(text, box !== flow) || isBylineLine(text, bylines)) return true
  if (text.length <= SHORT * 2 && FINE_PRINT.test(text)) return true
  if (text.length <= SHORT && CREDIT_LINE.test(text)) return true
  if (/^(?:contributing|staff|senior|guest|freelance)?\s*(?:writer|author|editor|reporter|contributor)$/i.test(text)) return true
  return isAuthorBio(text, bylines)
}

// "About the author" (or "About Acme") near the end opens a closing section that is not the story.
const ABOUT_HEADING =
  /^(?:About|ABOUT) (?:(?:the|THE) (?:author|authors|writer|reviewer|AUTHOR|AUTHORS|WRITER)|(?:us|US)|\p{Lu}[\p{L}\p{N}&.'’-]*(?:\s+\p{Lu}[\p{L}\p{N}&.'’-]*){0,3})$/u

function aboutSectionStart(paragraphs: EdgeParagraph[], bylines: readonly string[]): number | null {
  for (let i = paragraphs.length - 1; i >= Math.max(1, paragraphs.length - 4); i--) {
    const text = paragraphs[i]?.text ?? ''
    if (text.length <= 60 && ABOUT_HEADING.test(text)) return i
    if (text.length > SHORT && !FINE_PRINT.test(text) && !isAuthorBio(text, bylines)) break
  }
  return null
}
