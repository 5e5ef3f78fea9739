// What a search is: the words as typed, in web-search syntax (PostgreSQL's websearch_to_tsquery:
// words must all occur, "quoted words" in that order, -word must not occur, `or` between
// alternatives), and which results to show.
import { z } from 'zod'

export const MAX_SEARCH_CHARS = 200

// Anything longer is cut rather than refused: the box has no limit a reader can see.
export const searchText = z.string().transform((s) => s.trim().slice(0, MAX_SEARCH_CHARS).trim())

const TOKEN = /(-?)"([^"]*)"?|(\S+)/g

// The same words with every one optional ("a or b or c"), leaving out the excluded ones and the
// operator itself: used to place a snippet where the words of a match are spread over several
// paragraphs and no single paragraph holds the whole query. Null when no word is wanted.
export function anyWordQuery(text: string): string | null {
  const words: string[] = []
  for (const [, minus, phrase, word] of text.matchAll(TOKEN)) {
    if (phrase !== undefined) {
      if (!minus) words.push(...phrase.split(/\s+/))
    } else if (word !== undefined && !word.startsWith('-') && word.toLowerCase() !== 'or') words.push(word)
  }
  const cleaned = words.map((w) => w.replace(/["]/g, '')).filter((w) => w.length > 0 && w.toLowerCase() !== 'or')
  return cleaned.length > 0 ? cleaned.join(' or ') : null
}

// Whether the words exclude any ("-word", "-\"some words\""): a dash that does not join two
// words. Errs towards yes, which only costs the search a little more reading.
export function hasExclusion(text: string): boolean {
  return /(?:^|[^\p{L}\p{N}])-/u.test(text)
}
