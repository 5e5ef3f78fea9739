// Body text → sentences with character offsets and tagged words, via compromise.
//
// Why compromise (14.x): one npm package that carries its own English lexicon and tagger, so it
// runs offline and deterministically with no model download, and gives in one pass what the
// rules need: sentence boundaries that know abbreviations ("U.S.", "Corp.", "Mr."), words with
// part-of-speech tags, and person/organisation names. wink-nlp is faster but needs a second
// package for its English model; the brief allows one. We tag paragraph by paragraph (the body
// joins paragraphs with "\n\n") and compute offsets ourselves by walking the original text,
// because compromise's own offset output is slow and counts from normalised text. Its tagger is
// most of its cost (about 10x its tokenizer), so sentences are only split up front and tagged
// when a rule asks (see `tagsOf`): most sentences never need it.
import nlp from 'compromise'
import { PARAGRAPH_SEPARATOR } from '../../ingest/normalize'

export type Word = { text: string; start: number; end: number }
export type TaggedWord = Word & { tags: ReadonlySet<string> }
export type Sentence = { start: number; end: number; text: string; paragraph: number; words: Word[]; tagged?: TaggedWord[] }
export type Paragraph = { index: number; start: number; end: number; text: string }

type Term = { text: string; tags?: Set<string> }

export function splitParagraphs(body: string): Paragraph[] {
  const paragraphs: Paragraph[] = []
  let start = 0
  for (const text of body.split(PARAGRAPH_SEPARATOR)) {
    paragraphs.push({ index: paragraphs.length, start, end: start + text.length, text })
    start += text.length + PARAGRAPH_SEPARATOR.length
  }
  return paragraphs
}

// compromise keeps each word's original spelling in `text`; we find it in the paragraph from a
// moving cursor, so offsets are exact even where compromise folded white space.
function locateTerms(text: string, base: number, terms: readonly Term[], from = 0): { words: TaggedWord[]; cursor: number } {
  const words: TaggedWord[] = []
  let cursor = from
  for (const term of terms) {
    if (!term.text) continue
    const at = text.indexOf(term.text, cursor)
    if (at < 0) continue
    cursor = at + term.text.length
    words.push({ text: term.text, start: base + at, end: base + cursor, tags: term.tags ?? new Set() })
  }
  return { words, cursor }
}

function splitParagraph(paragraph: Paragraph): Sentence[] {
  const sentences: Sentence[] = []
  let cursor = 0
  for (const terms of nlp.tokenize(paragraph.text).document as Term[][]) {
    const located = locateTerms(paragraph.text, paragraph.start, terms, cursor)
    cursor = located.cursor
    const words: Word[] = located.words.map(({ text, start, end }) => ({ text, start, end }))
    const first = words[0]
    const last = words[words.length - 1]
    if (!first || !last) continue
    sentences.push({ start: first.start, end: last.end, text: '', paragraph: paragraph.index, words })
  }
  // Closing punctuation and quotation marks after the last word belong to the sentence, an
  // opening quotation mark before the first word too; white space between belongs to neither.
  for (const sentence of sentences) {
    const from = sentence.end - paragraph.start
    const closing = /^[.!?,;:…)\]"”’']*/.exec(paragraph.text.slice(from))?.[0] ?? ''
    sentence.end += closing.length
    const to = sentence.start - paragraph.start
    const opening = /["“‘'(\[]*$/.exec(paragraph.text.slice(0, to))?.[0] ?? ''
    sentence.start -= opening.length
    sentence.text = paragraph.text.slice(sentence.start - paragraph.start, sentence.end - paragraph.start)
  }
  return sentences
}

export function splitSentences(body: string): Sentence[] {
  return splitParagraphs(body).flatMap(splitParagraph)
}

// The sentence's words with part-of-speech and name tags, tagged on first use.
export function tagsOf(sentence: Sentence): TaggedWord[] {
  sentence.tagged ??= (nlp(sentence.text).document as Term[][]).flatMap((terms) => locateTerms(sentence.text, sentence.start, terms).words)
  return sentence.tagged
}

const runTags = new Map<string, ReadonlySet<string>[]>()

// Tags for a short name on its own ("Brad Smith", "Microsoft"): compromise's lexicon knows
// first names and well-known organisations without the sentence around them. Cached per
// process; names repeat within and across articles.
export function tagsOfName(name: string): ReadonlySet<string>[] {
  let tags = runTags.get(name)
  if (!tags) {
    tags = (nlp(name).document as Term[][]).flat().map((t) => t.tags ?? new Set<string>())
    if (runTags.size > 10_000) runTags.clear()
    runTags.set(name, tags)
  }
  return tags
}
