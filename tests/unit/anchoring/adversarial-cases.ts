// Anchoring cases, each with the answer Claimline owes: the words the claim was made on, or null
// (an orphan) where they are gone or nothing in the text tells them from other words.
//
// The situations are those of Hypothesis' anchoring tests (hypothesis/client,
// src/annotator/anchoring/test: match-quote-test, html-test with its HTML fixture and page
// baselines, types-test), rewritten on our own texts, plus the cases issue 14 found putting
// claims on wrong words and a few more of the same kind. Where Hypothesis finds words that
// Claimline deliberately does not (its rule: an orphan rather than a guess), `refusal` says which
// rule; such a null is counted as "refused", not as right.
import { describeRange, type Selector, type TextQuoteSelector } from '@/lib/anchoring/selectors'

export type AnchoringCase = {
  name: string
  text: string
  target: Selector[]
  expected: readonly [number, number] | null
  refusal?: string
}

export function rangeOf(text: string, phrase: string, nth = 0): [number, number] {
  let at = -1
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(phrase, at + 1)
    if (at === -1) throw new Error(`"${phrase}" (occurrence ${nth}) is not in the text`)
  }
  return [at, at + phrase.length]
}

// The selectors Claimline stores for the nth occurrence of a phrase.
export function described(text: string, phrase: string, nth = 0): Selector[] {
  return describeRange(text, ...rangeOf(text, phrase, nth))
}

function quoteOf(text: string, phrase: string, nth = 0): TextQuoteSelector {
  const [quote] = describeRange(text, ...rangeOf(text, phrase, nth))
  return quote
}

const quote = (exact: string, context: { prefix?: string; suffix?: string } = {}): TextQuoteSelector => ({ type: 'TextQuoteSelector', exact, ...context })
const position = (range: readonly [number, number]): Selector => ({ type: 'TextPositionSelector', start: range[0], end: range[1] })

const EDITED_QUOTE = 'an edited quote is taken only with its context agreeing on both sides'
const ONE_SIDE = 'away from its stored place, a quote whose context agrees on one side only is an orphan (issue 14)'
const POSITION_ALONE = 'offsets alone cannot show they still point at the same words'

// --- match-quote-test: one sentence, and a text that repeats its phrases -----------------------

const TRAIN =
  'Three weeks later, as she boarded the night train to Geneva, the minister was still refusing to comment on the memo her office had drafted in March.'
const REPEATS =
  'It was a week of records, it was a week of losses, it was a quarter of growth, it was a quarter of decline, it was the month of the merger, it was the month of the layoffs, we had orders before us, we had nothing before us, we were all heading for profit, we were all heading the other way.'

const beforeUs = [quoteOf(REPEATS, 'before us', 0), quoteOf(REPEATS, 'before us', 1)]
const weHad = [quoteOf(REPEATS, 'we had', 0), quoteOf(REPEATS, 'we had', 1)]

const matchQuoteCases: AnchoringCase[] = [
  { name: 'match-quote: an exact match', text: TRAIN, target: [quote('drafted in March')], expected: rangeOf(TRAIN, 'drafted in March') },
  {
    name: 'match-quote: the best approximate match when there is no exact one (no context)',
    text: TRAIN,
    target: [quote('Thee weeks later')],
    expected: rangeOf(TRAIN, 'Three weeks later'),
    refusal: EDITED_QUOTE,
  },
  {
    name: 'match-quote: an approximate match with its context on both sides',
    text: TRAIN,
    target: [quote('Thee weeks later', { prefix: '', suffix: ', as she boarded the night train' })],
    expected: rangeOf(TRAIN, 'Three weeks later'),
  },
  { name: 'match-quote: no acceptable approximate match', text: REPEATS, target: [quote(TRAIN)], expected: null },
  { name: 'match-quote: an empty quote', text: TRAIN, target: [quote('')], expected: null },
  { name: 'match-quote: an empty text', text: '', target: [quote('drafted in March')], expected: null },
  {
    name: 'match-quote: exact prefix picks occurrence 0',
    text: REPEATS,
    target: [quote('before us', { prefix: beforeUs[0]?.prefix })],
    expected: rangeOf(REPEATS, 'before us', 0),
  },
  {
    name: 'match-quote: exact prefix picks occurrence 1',
    text: REPEATS,
    target: [quote('before us', { prefix: beforeUs[1]?.prefix })],
    expected: rangeOf(REPEATS, 'before us', 1),
  },
  {
    name: 'match-quote: approximate prefix picks occurrence 0',
    text: REPEATS,
    target: [quote('before us', { prefix: beforeUs[0]?.prefix?.replace('orders', 'ordres') })],
    expected: rangeOf(REPEATS, 'before us', 0),
  },
  {
    name: 'match-quote: approximate prefix picks occurrence 1',
    text: REPEATS,
    target: [quote('before us', { prefix: beforeUs[1]?.prefix?.replace('nothing', 'nuthing') })],
    expected: rangeOf(REPEATS, 'before us', 1),
  },
  {
    name: 'match-quote: exact suffix picks occurrence 0',
    text: REPEATS,
    target: [quote('we had', { suffix: weHad[0]?.suffix })],
    expected: rangeOf(REPEATS, 'we had', 0),
  },
  {
    name: 'match-quote: exact suffix picks occurrence 1',
    text: REPEATS,
    target: [quote('we had', { suffix: weHad[1]?.suffix })],
    expected: rangeOf(REPEATS, 'we had', 1),
  },
  {
    name: 'match-quote: approximate suffix picks occurrence 0',
    text: REPEATS,
    target: [quote('we had', { suffix: weHad[0]?.suffix?.replace('orders', 'ordres') })],
    expected: rangeOf(REPEATS, 'we had', 0),
  },
  {
    name: 'match-quote: approximate suffix picks occurrence 1',
    text: REPEATS,
    target: [quote('we had', { suffix: weHad[1]?.suffix?.replace('nothing', 'nutting') })],
    expected: rangeOf(REPEATS, 'we had', 1),
  },
  {
    name: 'match-quote: the position picks occurrence 0 of words without context',
    text: REPEATS,
    target: [quote('before us'), position(rangeOf(REPEATS, 'before us', 0))],
    expected: rangeOf(REPEATS, 'before us', 0),
  },
  {
    name: 'match-quote: the position picks occurrence 1 of words without context',
    text: REPEATS,
    target: [quote('before us'), position(rangeOf(REPEATS, 'before us', 1))],
    expected: rangeOf(REPEATS, 'before us', 1),
  },
  // Hypothesis takes the first; nothing says the annotator meant that one.
  { name: 'match-quote: repeated words without context or position', text: REPEATS, target: [quote('before us')], expected: null },
  {
    name: 'match-quote: approximate words, the position as tie-breaker (no context)',
    text: REPEATS,
    target: [quote('befor us'), position(rangeOf(REPEATS, 'before us', 1))],
    expected: rangeOf(REPEATS, 'before us', 1),
    refusal: EDITED_QUOTE,
  },
  {
    name: 'match-quote: a prefix longer than the text before the match',
    text: TRAIN,
    target: [quote('weeks later', { prefix: 'Updated at noon: Three ' })],
    expected: rangeOf(TRAIN, 'weeks later'),
    refusal: 'the only context given contradicts the text',
  },
  {
    name: 'match-quote: a match at the end of the text with a suffix',
    text: 'The ruling is final',
    target: [quote('final', { suffix: ' and cannot be appealed.' })],
    expected: [14, 19],
    refusal: 'the only context given contradicts the text',
  },
]

// --- html-test and its fixture: a page that repeats a heading and a paragraph -------------------
// Each range is described as Claimline describes a selection, then anchored by its quote alone,
// as html-test anchors each selector on its own.

const PAGE = [
  'Microsoft answers its critics',
  'Brad Smith wrote on Tuesday that the company provides data only under a court order.',
  'The company declined to comment further.',
  'Update',
  'The company declined to comment further.',
  'More soon.',
  'Update',
  'The company declined to comment further.',
  'More soon.',
  'Google said it had never heard of the program.',
].join('\n\n')

const quoteAlone = (phrase: string, nth = 0): AnchoringCase => ({
  name: `html: "${phrase.replaceAll('\n', '\\n')}" (occurrence ${nth}) by its quote alone`,
  text: PAGE,
  target: [quoteOf(PAGE, phrase, nth)],
  expected: rangeOf(PAGE, phrase, nth),
})

const htmlCases: AnchoringCase[] = [
  quoteAlone('answers its'),
  quoteAlone('Brad Smith wrote on Tuesday that the company provides data only under a court order.'),
  quoteAlone('The company declined to comment further.', 0),
  quoteAlone('The company declined to comment further.', 1),
  quoteAlone('The company declined to comment further.', 2),
  quoteAlone('Update', 0),
  quoteAlone('Update', 1),
  quoteAlone('order.\n\nThe company declined'),
  quoteAlone('Update\n\nThe company declined to comment further.\n\nMore', 1),
  {
    name: 'html: a position selector alone',
    text: PAGE,
    target: [position(rangeOf(PAGE, 'Brad Smith'))],
    expected: rangeOf(PAGE, 'Brad Smith'),
    refusal: POSITION_ALONE,
  },
  { name: 'html: a quote that is not on the page', text: PAGE, target: [quote('This text does not appear in the article')], expected: null },
  {
    name: 'html: a position that fails beside a quote that anchors',
    text: PAGE,
    target: [position([1000, 1010]), quote('Google said it had never heard')],
    expected: rangeOf(PAGE, 'Google said it had never heard'),
  },
  // html-baselines: a live page's context carries its indentation; a minimal page.
  {
    name: 'baseline: context with the page’s indentation',
    text: 'This page was last updated on 11 June 2013, at 09:14.\n\nText is available under a licence.',
    target: [quote('11 June 2013', { prefix: 'This page was last updated on ', suffix: ', at 09:14.\n\t\t\t\t\t\t\tText is a' })],
    expected: [30, 42],
  },
  {
    name: 'baseline: the minimal page',
    text: 'One Two Three',
    target: [quote('Two', { prefix: 'One ', suffix: ' Three\n' }), position([4, 7])],
    expected: [4, 7],
  },
  // types-test: TextQuoteAnchor round trips, one at the start of the text (empty prefix).
  { name: 'types: a quote round trip', text: TRAIN, target: [quoteOf(TRAIN, 'the night train')], expected: rangeOf(TRAIN, 'the night train') },
  { name: 'types: a quote at the start of the text', text: TRAIN, target: [quoteOf(TRAIN, 'Three')], expected: [0, 5] },
]

// --- issue 14 and cases of the same kind -------------------------------------------------------

const LIVE = '10:45 - Microsoft declined to comment.\n\n10:32 - Microsoft declined to comment.'
const LATEST = '10:58 - Microsoft declined to comment.\n\n'
const LIVE_THREE = `${LIVE}\n\n10:15 - Shares fell 2%.`
const SPEAKERS =
  'Smith told reporters: "We never gave the NSA access," the spokesman said on Tuesday.\n\nLater, Jones said: "We never gave the NSA access," the spokeswoman said on Monday.'
const JONES = SPEAKERS.slice(SPEAKERS.indexOf('Later, Jones'))
const STATEMENTS =
  'Microsoft said: "We never gave the NSA access," the company said in a statement.\n\nGoogle said: "We never gave the NSA access," the company said in a statement.'
const [MICROSOFT_STATEMENT = '', GOOGLE_STATEMENT = ''] = STATEMENTS.split('\n\n')
const HEADED = 'Microsoft answers its critics\n\nUpdate: Microsoft said on Friday it had not been asked for encryption keys.\n\nThe company did not say when.'
const PRISM = 'The program, known as PRISM, gave the agency access to servers.\n\nMicrosoft made no mention of PRISM in its statement.\n\nShares were flat.'
const ENGINEERS =
  'The memo said that 49 engineers had been asked to build a separate system, a person familiar with it said.\n\nA second memo said that 40 engineers had been asked to build a separate system, officials said.'
const TWINS =
  'Acme was fined on Monday. The company said it would comply with the order. Shares fell 3%.\n\nOn Tuesday regulators appealed. The company said it would comply with the order. Shares rose 1%.'
const APPENDED = 'Brad Smith wrote on Tuesday. Microsoft said it complies with court orders. Shares were flat.'
const LONG =
  'Microsoft said in a statement that it provides customer data only when it receives a legally binding order and only for specific accounts, and that it has never joined any programme of bulk collection.'
const MOVED = `The hearing was adjourned.\n\n${LONG}\n\nShares were flat on Friday.`
const COPY_EDIT =
  'Acme said on Monday. It denied it was part of any voluntary data collection mechanism. Shares fell.\n\nGoogle also denied it was part of any voluntary data collection mechanism.'

const adversarialCases: AnchoringCase[] = [
  {
    name: 'issue 14 #1: an entry prepended slides another entry’s identical words onto the stored position',
    text: LATEST + LIVE,
    target: described(LIVE, 'Microsoft declined to comment.', 1),
    expected: rangeOf(LATEST + LIVE, 'Microsoft declined to comment.', 2),
  },
  {
    name: 'issue 14 #1: the claimed entry deleted, the remaining one is not it',
    text: LIVE_THREE.replace('10:32 - Microsoft declined to comment.\n\n', ''),
    target: described(LIVE_THREE, 'Microsoft declined to comment.', 1),
    expected: null,
  },
  {
    name: 'issue 14 #2: a deleted quote does not move to another speaker’s identical words',
    text: JONES,
    target: described(SPEAKERS, 'We never gave the NSA access'),
    expected: null,
  },
  {
    name: 'issue 14 #2: the same quote, found after a paragraph was inserted above it',
    text: `UPDATE: Both spoke to reporters.\n\n${SPEAKERS}`,
    target: described(SPEAKERS, 'We never gave the NSA access'),
    expected: rangeOf(`UPDATE: Both spoke to reporters.\n\n${SPEAKERS}`, 'We never gave the NSA access'),
  },
  {
    name: 'issue 14 #2: the other speaker’s quote, found after the first paragraph was deleted',
    text: JONES,
    target: described(SPEAKERS, 'We never gave the NSA access', 1),
    expected: rangeOf(JONES, 'We never gave the NSA access'),
  },
  {
    name: 'issue 14 #2: identical words and identical attribution: the deleted one is an orphan',
    text: GOOGLE_STATEMENT,
    target: described(STATEMENTS, 'We never gave the NSA access'),
    expected: null,
  },
  {
    name: 'identical words and identical attribution, the paragraphs swapped: each keeps its own',
    text: `${GOOGLE_STATEMENT}\n\n${MICROSOFT_STATEMENT}`,
    target: described(STATEMENTS, 'We never gave the NSA access'),
    expected: rangeOf(`${GOOGLE_STATEMENT}\n\n${MICROSOFT_STATEMENT}`, 'We never gave the NSA access', 1),
  },
  {
    name: 'issue 14 #3: whitespace-only prefix (a heading’s, folded) matches every paragraph start',
    text: HEADED,
    target: [quote('Update', { prefix: '\n\n', suffix: '\n\nGoogle also denied the report' })],
    expected: null,
  },
  {
    name: 'issue 14 #3: no prefix and a contradicting suffix',
    text: HEADED,
    target: [quote('The company', { suffix: ' would appeal the ruling on Mon' })],
    expected: null,
  },
  {
    name: 'issue 14 #3: whitespace-only prefix and an agreeing suffix, words that occur once',
    text: HEADED,
    target: [quote('Microsoft said on Friday', { prefix: '\n\n', suffix: ' it had not been asked for encryp' })],
    expected: rangeOf(HEADED, 'Microsoft said on Friday'),
  },
  {
    name: 'a short quote whose paragraph was deleted does not jump to the same word',
    text: PRISM.replace('Microsoft made no mention of PRISM in its statement.\n\n', ''),
    target: described(PRISM, 'PRISM', 1),
    expected: null,
  },
  {
    name: 'a deleted sentence’s look-alike, ending the same way, does not inherit its claim',
    text: ENGINEERS.slice(ENGINEERS.indexOf('A second')),
    target: described(ENGINEERS, 'that 49 engineers had been asked to build a separate system'),
    expected: null,
  },
  {
    name: 'the same look-alike, the quote given without any context',
    text: ENGINEERS.slice(ENGINEERS.indexOf('A second')),
    target: [quote('that 49 engineers had been asked to build a separate system')],
    expected: null,
  },
  {
    name: 'identical sentences told apart after the text shifted (first)',
    text: `BREAKING. ${TWINS.replace('fell 3%', 'fell 4%')}`,
    target: described(TWINS, 'The company said it would comply with the order.', 0),
    expected: rangeOf(`BREAKING. ${TWINS}`, 'The company said it would comply with the order.', 0),
  },
  {
    name: 'identical sentences told apart after the text shifted (second)',
    text: `BREAKING. ${TWINS.replace('fell 3%', 'fell 4%')}`,
    target: described(TWINS, 'The company said it would comply with the order.', 1),
    expected: rangeOf(`BREAKING. ${TWINS}`, 'The company said it would comply with the order.', 1),
  },
  {
    name: 'the stored position holds the same short word in rewritten text',
    text: 'Local police said on Friday that nobody was hurt.',
    target: described('The minister said the memo was a draft.', 'said'),
    expected: null,
  },
  {
    name: 'a sentence appended right after the quote: the position holds',
    text: APPENDED.replace('orders.', 'orders. It would not comment further.'),
    target: described(APPENDED, 'Microsoft said it complies with court orders.'),
    expected: rangeOf(APPENDED, 'Microsoft said it complies with court orders.'),
  },
  {
    name: 'a sentence inserted right before the quote',
    text: APPENDED.replace('Tuesday.', 'Tuesday. He spoke at length.'),
    target: described(APPENDED, 'Microsoft said it complies with court orders.'),
    expected: rangeOf(APPENDED.replace('Tuesday.', 'Tuesday. He spoke at length.'), 'Microsoft said it complies with court orders.'),
    refusal: ONE_SIDE,
  },
  {
    name: 'a quote that began the text, after a paragraph was inserted at the top',
    text: `UPDATE: Shares recovered.\n\n${APPENDED}`,
    target: described(APPENDED, 'Brad Smith wrote on Tuesday.'),
    expected: rangeOf(`UPDATE: Shares recovered.\n\n${APPENDED}`, 'Brad Smith wrote on Tuesday.'),
    refusal: ONE_SIDE,
  },
  {
    name: 'a long verbatim paragraph moved to the end (both sides changed)',
    text: `The hearing was adjourned.\n\nShares were flat on Friday.\n\n${LONG}`,
    target: described(MOVED, LONG),
    expected: rangeOf(`The hearing was adjourned.\n\nShares were flat on Friday.\n\n${LONG}`, LONG),
  },
  {
    name: 'an edited original wins over an untouched copy of its words',
    text: COPY_EDIT.replace('of any voluntary', 'of a voluntary'),
    target: described(COPY_EDIT, 'denied it was part of any voluntary data collection mechanism'),
    expected: rangeOf(COPY_EDIT.replace('of any voluntary', 'of a voluntary'), 'denied it was part of a voluntary data collection mechanism'),
  },
  {
    name: 'a quote without context and a stale position, words that occur once',
    text: `Updated. ${TRAIN}`,
    target: [quote('drafted in March'), position(rangeOf(TRAIN, 'drafted in March'))],
    expected: rangeOf(`Updated. ${TRAIN}`, 'drafted in March'),
  },
  {
    name: 'a quote without context and a stale position, words that occur twice',
    text: `Updated. ${REPEATS}`,
    target: [quote('before us'), position(rangeOf(REPEATS, 'before us', 1))],
    expected: null,
  },
]

export const ANCHORING_CASES: AnchoringCase[] = [...matchQuoteCases, ...htmlCases, ...adversarialCases]

// match-quote-test's ordering tests: candidates in decreasing similarity to the text (the quote,
// a prefix, a suffix) must score in decreasing order; an orphan counts as the lowest score.
export const ORDERINGS: { name: string; text: string; targets: Selector[][] }[] = [
  {
    name: 'match-quote: scores follow the quote’s similarity',
    text: TRAIN,
    targets: ['Three weeks later', 'Three weks later', 'Thee weks later', 'Four weeks after'].map((exact) => [
      quote(exact, { prefix: '', suffix: ', as she boarded the night train' }),
    ]),
  },
  {
    name: 'match-quote: scores follow the prefix’s similarity',
    text: TRAIN,
    targets: ['Three weeks later', 'Three weks later', 'Thee weks later', 'Four weeks after'].map((prefix) => [
      quote(', as she boarded the night train', { prefix }),
    ]),
  },
  {
    name: 'match-quote: scores follow the suffix’s similarity',
    text: TRAIN,
    targets: [', as she boarded the night', ', as he boarded the night', ', as she awaited the night', ', as he awaited his fate'].map((suffix) => [
      quote('Three weeks later', { suffix }),
    ]),
  },
]
