// Who speaks: the noun phrase before or after a cue, an apposition, a relative clause's head, a
// sentence's subject.
import { ADVERBIAL_NOUNS, ADVERBS, BETWEEN_SUBJECT_AND_CUE, cueOf, isFiniteVerb, isSpeakerHead, MEMBER_ROLES, PERSON_TITLES, STATEMENT_NOUNS } from '../lexicon'
import type { Sentence } from '../text'
import { CueReader } from './cues'
import type { Range } from './reader'
import { BOUNDARY_WORDS, DETERMINERS, PRONOUNS, PREPOSITIONS, DASHES, NON_SPEAKERS, CONNECTOR_WORDS, TITLE_ABBREVIATIONS, STOP_PUNCT } from './words'

const APPROXIMATELY = new Set(['about', 'around', 'over', 'under', 'nearly', 'almost', 'roughly', 'some', 'just', 'only'])
const NUMBER =
  /^(?:\d[\d,.]*%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|dozens?|half|a)$/
const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/

const PLURAL_NOUN = /[^s'’]s$/
const ISSUES = /^(?:published|issued|released|posted|sent|wrote|filed|tweeted)$/
const CONTRACTED_NOT = /^[a-z]+n['’]t$/

export abstract class SourceReader extends CueReader {
  // The noun phrase that ends at token j, scanning left to a clause boundary.
  protected npLeft(j: number, floor: number): Range | null {
    if (j >= floor && PRONOUNS.has(this.lower(j)) && !this.t(j)!.cap) return { first: j, last: j }
    if (j >= floor && PRONOUNS.has(this.lower(j)) && j === floor) return { first: j, last: j }
    let i = j
    let n = 0
    while (i >= floor && n < 14) {
      const t = this.t(i)!
      // "Mr. Pell", "Gov. Noem": a title's full stop is inside the name.
      if (t.text === '.' && n > 0 && i > floor && TITLE_ABBREVIATIONS.has(this.lower(i - 1)) && this.t(i - 1)!.end === t.start) {
        i--
        n++
        continue
      }
      if (t.type === 'quote' || STOP_PUNCT.has(t.text) || this.quoted(i)) break
      if (BOUNDARY_WORDS.has(t.lower) && !t.cap) break
      if (t.lower === 'and' && !(this.t(i - 1)?.cap && this.t(i + 1)?.cap)) break
      // "leaked documents", "the embattled company": a participle before its noun, not a verb.
      const attributive =
        /ed$/.test(t.lower) &&
        (i === floor ||
          DETERMINERS.has(this.lower(i - 1)) ||
          BOUNDARY_WORDS.has(this.lower(i - 1)) ||
          PREPOSITIONS.has(this.lower(i - 1)) ||
          STOP_PUNCT.has(this.t(i - 1)?.text ?? ''))
      if (n > 0 && !t.cap && isFiniteVerb(t.lower) && !attributive && !DETERMINERS.has(t.lower) && t.lower !== '’s' && t.lower !== "'s") break
      if (n > 0 && PRONOUNS.has(t.lower)) break
      if (n > 0 && cueOf(t.lower) && !t.cap && !/^(?:report|statement|post)/.test(t.lower)) break
      i--
      n++
    }
    let first = i + 1
    // "On Monday the company", "In a statement the firm": an opening phrase is not the subject
    // ("About four in 10 voters", "over 60 percent" count a subject).
    if (first <= j && PREPOSITIONS.has(this.lower(first)) && !(APPROXIMATELY.has(this.lower(first)) && NUMBER.test(this.lower(first + 1)))) {
      let k = first
      while (k <= j && !DETERMINERS.has(this.lower(k)) && !(this.t(k)!.cap && k > first && !WEEKDAY.test(this.lower(k)))) k++
      // ("sued by regulators": a bare plural after the preposition is the phrase's noun.)
      first = k > j && j > first && PLURAL_NOUN.test(this.lower(j)) && !isFiniteVerb(this.lower(j)) ? first + 1 : k
    }
    while (first <= j && (this.lower(first) === 'and' || this.lower(first) === 'also')) first++
    if (first > j) return null
    return { first, last: j }
  }

  // "The company on Monday denied …", "Acme last week rejected …": where the words at j end a
  // time phrase between subject and cue, the token before it.
  private beforeWhen(j: number, floor: number): number {
    const w = this.lower(j)
    if (j - 1 >= floor && WEEKDAY.test(w)) return this.lower(j - 1) === 'on' || this.lower(j - 1) === 'late' || this.lower(j - 1) === 'early' ? j - 2 : j - 1
    if (j - 1 >= floor && /^(?:week|month|year|weekend)$/.test(w) && /^(?:last|this|earlier|later)$/.test(this.lower(j - 1))) return j - 2
    if (j - 1 >= floor && /^(?:yesterday|today|tonight)$/.test(w)) return j - 1
    return j
  }
  // An auxiliary or an adverb between a subject and its verb ("has long", "did not", and
  // contracted: "Acme didn't return calls").
  private hasMemberRole(r: Range): boolean {
    for (let i = r.first; i <= r.last; i++) if (MEMBER_ROLES.has(this.lower(i))) return true
    return false
  }

  private betweenSubjectAndCue(j: number): boolean {
    const w = this.lower(j)
    return !this.t(j)!.cap && (BETWEEN_SUBJECT_AND_CUE.has(w) || CONTRACTED_NOT.test(w))
  }

  // The subject of a cue at token `cue`: skips auxiliaries and adverbs ("has long argued"), a
  // parenthesis, and an apposition ("Jane Roe, a spokeswoman for Acme, said").
  protected sourceLeft(cue: number, floor: number): Range | null {
    let j = cue - 1
    if (this.goesOnTo(cue)) j -= this.lower(cue - 2) === 'on' ? 3 : 2
    while (j >= floor && this.betweenSubjectAndCue(j)) j--
    j = this.beforeWhen(j, floor)
    while (j >= floor && this.betweenSubjectAndCue(j)) j--
    if (j < floor) return null
    if (this.t(j)!.text === ')') {
      let k = j - 1
      while (k >= floor && this.t(k)!.text !== '(' && j - k < 12) k--
      if (k >= floor && this.t(k)!.text === '(') j = k - 1
    }
    if (j < floor) return null
    // "The Afghan Taliban, however, claimed …": past a parenthetical adverb.
    if (this.t(j)?.text === ',' && ADVERBS.has(this.lower(j - 1)) && this.t(j - 2)?.text === ',') j -= 3
    if (j < floor) return null
    const t = this.t(j)!
    if (t.text === ',' || DASHES.has(t.text)) return this.apposition(j, floor)
    // A relative clause: "a blog post that said …", "The bank, which has denied …" — the
    // antecedent speaks; a statement someone issued is theirs ("The company published a blog
    // post that said …": the company).
    if (!t.cap && (t.lower === 'that' || t.lower === 'which' || t.lower === 'who')) {
      const antecedent = this.npLeft(this.t(j - 1)?.text === ',' ? this.beforeWhen(j - 2, floor) : j - 1, floor)
      const verb = antecedent ? antecedent.first - 1 : -1
      if (antecedent && STATEMENT_NOUNS.has(this.lower(antecedent.last)) && verb > floor && ISSUES.test(this.lower(verb)))
        return this.sourceLeft(verb, floor) ?? antecedent
      return antecedent
    }
    const np = this.npLeft(j, floor)
    return this.relativeHead(j, floor) ?? np
  }

  // "Groups that campaign for cleaner rivers objected", "people who live nearby
  // said": the words before the cue end a relative clause, and the noun before "that" / "who"
  // speaks.
  private relativeHead(last: number, floor: number): Range | null {
    for (let w = last - 1; w >= floor && last - w <= 8; w--) {
      const t = this.t(w)!
      if (t.type !== 'word' || t.cap) return null
      // ("Two people briefed on the talks said", "residents opposing the plan said": a
      // participle after a plural noun opens a relative clause without "who".)
      const reduced = /[a-z](?:ing|ed)$/.test(t.lower) && w > floor && this.pluralNoun(w - 1)
      if (t.lower !== 'that' && t.lower !== 'who' && !reduced) continue
      const head = this.npLeft(w - 1, floor)
      if (!head || !this.speakerLike(head)) return null
      return { first: head.first, last }
    }
    return null
  }

  private pluralNoun(i: number): boolean {
    const t = this.t(i)
    if (!t || t.type !== 'word') return false
    return t.lower === 'those' || t.lower === 'people' || (/[^s']s$/.test(t.lower) && !isFiniteVerb(t.lower) && !cueOf(t.lower))
  }

  // "Name, description, said": the name (with its description) when there is one; two
  // descriptions may stand in a row ("…, the CEO of X, X's parent, said").
  private apposition(comma: number, floor: number): Range | null {
    let end = comma
    for (let hop = 0; hop < 3; hop++) {
      let k = end - 1
      while (k >= floor && k > end - 25 && this.t(k)!.text !== ',' && !DASHES.has(this.t(k)!.text) && this.t(k)!.type !== 'quote' && !this.quoted(k)) k--
      if (k < floor || k <= end - 25 || (this.t(k)!.text !== ',' && !DASHES.has(this.t(k)!.text))) return null
      // "The group that owns her music, Big Machine, says": the name between the commas; with
      // the role before it when there is one ("A lawyer for Acme, John Doe, said": Acme's).
      if (hop === 0 && this.t(k + 1)?.cap && this.isNameRun(k + 1, end - 1)) {
        const role = this.npLeft(k - 1, floor)
        const withRole = role && this.hasMemberRole(role)
        return { first: withRole ? role.first : k + 1, last: end - 1 }
      }
      const np = this.npLeft(k - 1, floor)
      if (!np) return null
      // A name, a pronoun or an unnamed source heads the subject; a description may need one more
      // hop. (A relative clause is no part of the name: "A party aide, who asked not to be
      // named, said".)
      const head = this.t(np.first)!
      const relative = !this.t(k + 1)!.cap && (this.lower(k + 1) === 'who' || this.lower(k + 1) === 'which')
      if (head.cap || PRONOUNS.has(head.lower) || hop === 2) return { first: np.first, last: relative ? k - 1 : end - 1 }
      end = k
    }
    return null
  }

  protected isNameRun(first: number, last: number): boolean {
    if (last < first || last - first > 5) return false
    if (MEMBER_ROLES.has(this.lower(first)) || PERSON_TITLES.has(this.lower(first))) return false
    for (let i = first; i <= last; i++) if (!(this.t(i)!.cap || CONNECTOR_WORDS.has(this.lower(i)))) return false
    return true
  }

  // The subject after an inverted cue: "said Jane Roe, a spokeswoman for Acme".
  protected sourceRight(k: number, s: Sentence): Range | null {
    // A name or a noun phrase, never an adverbial ("said on Sept. 30 …").
    if (PREPOSITIONS.has(this.lower(k)) || ADVERBS.has(this.lower(k)) || BOUNDARY_WORDS.has(this.lower(k))) return null
    let i = k
    const stops = new Set([
      'in',
      'on',
      'during',
      'after',
      'before',
      'when',
      'while',
      'via',
      'as',
      'to',
      'told',
      'adding',
      'who',
      'that',
      'last',
      'earlier',
      'this',
      'from',
      'at',
    ])
    while (i <= s.last && i - k < 8) {
      const t = this.t(i)!
      // "said Ms. Roe", "said Rep. Jane Roe": a title's full stop is inside the name.
      if (t.text === '.' && i > k && TITLE_ABBREVIATIONS.has(this.lower(i - 1)) && this.t(i - 1)!.end === t.start && this.t(i + 1)?.cap) {
        i++
        continue
      }
      if (t.type === 'quote' || STOP_PUNCT.has(t.text)) break
      if (i > k && stops.has(t.lower) && !t.cap) break
      // A verb: what follows is a clause, not a name ("says Libya is …").
      if (!t.cap && t.type === 'word' && isFiniteVerb(t.lower) && !DETERMINERS.has(t.lower)) return null
      i++
    }
    if (i === k || (i - k >= 8 && i <= s.last && !STOP_PUNCT.has(this.t(i)!.text))) return null
    const first = this.t(k)!
    let named = false
    for (let n = k; n < i; n++) if (this.t(n)!.cap) named = true
    if (!first.cap && !DETERMINERS.has(first.lower) && !PRONOUNS.has(first.lower) && !named && !isSpeakerHead(first.lower)) return null
    let last = i - 1
    // ", a spokeswoman for Acme" / ", the company's chief executive"
    if (this.t(i)?.text === ',' && i + 1 <= s.last) {
      let j = i + 1
      while (j <= s.last && j - i < 14 && !STOP_PUNCT.has(this.t(j)!.text) && this.t(j)!.type !== 'quote') j++
      const next = this.t(i + 1)!
      if (j > i + 1 && (DETERMINERS.has(next.lower) || !cueOf(next.lower)) && !BOUNDARY_WORDS.has(next.lower) && !PREPOSITIONS.has(next.lower)) last = j - 1
    }
    return { first: k, last }
  }

  // The sentence's own subject: the words before its first verb (after a dateline or an
  // opening phrase). Used for participles ("…, adding that …") and coordinated cues.
  // "The campaign launched …", "Sanders’ campaign said …": a word after a determiner or a
  // possessive is a noun, whatever else it can be.
  private afterDeterminer(i: number): boolean {
    const prev = this.t(i - 1)
    if (!prev) return false
    return DETERMINERS.has(prev.lower) || prev.lower === '’s' || prev.lower === "'s" || (prev.type === 'punct' && (prev.text === '’' || prev.text === "'"))
  }

  protected sentenceSubject(s: Sentence): Range | null {
    const start = this.clauseStart(s)
    // "Peng Mei — project manager … — responded …": the name before an apposition.
    let n = start
    if (NON_SPEAKERS.has(this.lower(n)) || PREPOSITIONS.has(this.lower(n)) || ADVERBS.has(this.lower(n))) {
      // "Then, last week, Taylor Swift posted …": past opening phrases.
      for (let hop = 0; hop < 3; hop++) {
        let c = n
        while (c <= s.last && c - n < 8 && this.t(c)!.text !== ',') c++
        if (
          this.t(c)?.text !== ',' ||
          !(NON_SPEAKERS.has(this.lower(n)) || PREPOSITIONS.has(this.lower(n)) || ADVERBS.has(this.lower(n)) || ADVERBIAL_NOUNS.has(this.lower(n)))
        )
          break
        n = c + 1
      }
    }
    const named = n
    while (n <= s.last && n - named < 5 && this.t(n)!.type === 'word' && this.t(n)!.cap) n++
    if (
      n > named &&
      (this.t(n)?.text === ',' || DASHES.has(this.t(n)?.text ?? '')) &&
      !NON_SPEAKERS.has(this.lower(named)) &&
      !PREPOSITIONS.has(this.lower(named)) &&
      !BOUNDARY_WORDS.has(this.lower(named))
    )
      return { first: named, last: n - 1 }
    if (named > start) {
      for (let i = named; i <= s.last && i - named < 25; i++) {
        const t = this.t(i)!
        if (t.type !== 'word' || t.cap || this.afterDeterminer(i)) continue
        if (isFiniteVerb(t.lower) || cueOf(t.lower)) {
          let j = i - 1
          while (j >= named && BETWEEN_SUBJECT_AND_CUE.has(this.lower(j)) && !this.t(j)!.cap) j--
          return j < named ? null : this.npLeft(j, named)
        }
      }
    }
    for (let i = start; i <= s.last && i - start < 25; i++) {
      const t = this.t(i)!
      if (t.type !== 'word' || t.cap || this.afterDeterminer(i)) continue
      if (isFiniteVerb(t.lower) || cueOf(t.lower)) {
        let j = i - 1
        while (j >= start && BETWEEN_SUBJECT_AND_CUE.has(this.lower(j)) && !this.t(j)!.cap) j--
        if (j < start) return null
        if (this.t(j)!.text === ',') return this.apposition(j, start)
        return this.npLeft(j, start)
      }
    }
    return null
  }

  // Where a sentence's own words start: after a dateline ("LONDON (AP) — ") or a label.
  protected clauseStart(s: Sentence): number {
    for (let i = s.first; i <= s.last && i - s.first < 10; i++) {
      const t = this.t(i)!
      if (DASHES.has(t.text) && i > s.first) {
        const head = this.doc.text.slice(s.start, t.start)
        if (/^[\p{Lu}\s.,'’()-]+(?:\([^)]*\))?\s*$/u.test(head) || /\((?:AP|Reuters|AFP|Bloomberg)\)\s*$/i.test(head)) return i + 1
      }
    }
    return s.first
  }

  protected mainSubject(cue: number, s: Sentence): Range | null {
    // The subject of the last attribution in this sentence before the cue, else the sentence's.
    const last = this.lastSource.get(s.index)
    if (last && last.last < cue) return last
    return this.sentenceSubject(s)
  }

  protected npRightEnd(k: number, s: Sentence): number {
    let i = k
    while (i <= s.last && i - k < 8 && this.isWord(i) && !['of', 'for', 'to', 'that', 'on', 'in', 'at'].includes(this.lower(i))) i++
    return i - 1
  }
}
