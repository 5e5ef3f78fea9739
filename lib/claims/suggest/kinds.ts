// Side and kind, per ../shared/eval/claims/GUIDE.md: words by the company under scrutiny (or its
// people) are its side — a statement, or a denial when they reject something; words by anyone
// else are the others' side — an allegation when they charge the company with wrongdoing, harm
// or misconduct, a report otherwise.
import type { ClaimKind } from '../kinds'
import type { Entity } from './entities'
import { ACCUSATION_WORDS, DENIAL_WORDS, type Stance } from './lexicon'
import { normalizeName } from './names'
import type { Speaker } from './speakers'
import type { Side } from './types'

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
export const DENIAL = new RegExp(`(?:^|[^\\p{L}])(?:${DENIAL_WORDS.map(escape).join('|')})(?![\\p{L}])`, 'iu')
const ACCUSATION = new RegExp(`(?:^|[^\\p{L}])(?:${ACCUSATION_WORDS.map(escape).join('|')})`, 'iu')

const SELF_REFERENCE = /\b(?:we|our|ours|us|its|itself)\b|[[(](?:we|our)[\])]/i

export type Decision = { side: Side; kind: ClaimKind; subject: Entity | undefined }

// Whose side: the company's when the speaker is the organisation or speaks for it, and the words
// concern it (or no other organisation the article is about); the others' otherwise.
export function decide(speaker: Speaker | null, stance: Stance, exact: string, named: readonly Entity[], focal: Entity | null): Decision {
  const own = speaker?.org && speaker.role !== 'press' && speaker.org.kind !== 'outlet' && speaker.role !== 'source' ? speaker.org : undefined
  const others = named.filter((e) => e !== own && e.kind !== 'outlet' && e.kind !== 'place' && e.kind !== 'person')
  let side: Side = 'others'
  let subject: Entity | undefined = focal ?? others[0]
  if (own) {
    const aboutFocal = focal && focal !== own && others.includes(focal)
    // Another organisation the article names speaks for itself when its words are about itself
    // ("we …", "its finances …", its own name); on anything else it is an outside voice.
    const aboutItself = SELF_REFERENCE.test(exact) || stance === 'comment' || (stance === 'denial' && named.includes(own))
    // A business the article names often is under scrutiny too; a public body, a party or a
    // group must be speaking about itself to be the company side.
    if (own === focal || (!aboutFocal && (aboutItself || own.kind === 'company') && (own.mentions >= 2 || !focal))) {
      side = 'company'
      subject = own
    } else {
      subject = focal ?? others[0]
    }
  }
  const selfNames = side === 'company' ? [speaker?.name ?? '', ...(subject ? [subject.name] : [])] : []
  return { side, kind: kindFor(side, stance, exact, selfNames), subject }
}

// A company's own negated act at the head of its words ("Microsoft does not provide …", "it does
// not allow …", "there were no faults") is a denial; a negation deeper in ("… and never on a
// voluntary basis", "we do not have the right to …" after "In fact,") leaves it a statement.
const NEGATED =
  /^(?:(?:in addition|however|but|and|also|still|so far),?\s+)?(\S+(?:\s+\S+){0,3}?)\s+(?:(?:does|did|do|has|have|had|is|was|were|are|will|would|could|can)(?:\s+not|n['’]t)|cannot|(?:(?:has|had|have|does|did|do|is|was|were|are|will|would)\s+)?(?:never|no longer))\b/i
const THERE_NO = /^(?:there|it)\s+(?:is|was|were|are|has been|had been)\s+(?:no|not|never)\b/i
const SELF = /^(?:it|the company|the firm|our company|we)$/i

export function isDenial(exact: string, selfNames: readonly string[]): boolean {
  const text = exact.trim().replace(/^["“]/, '')
  if (DENIAL.test(text) || THERE_NO.test(text)) return true
  const negated = NEGATED.exec(text)
  if (!negated) return false
  const subject = negated[1]!.replace(/\s+(?:only|ever|also|simply|certainly)$/i, '')
  if (SELF.test(subject)) return true
  const key = normalizeName(subject)
  return selfNames.some((n) => normalizeName(n) === key)
}

export function kindFor(side: Side, stance: Stance, exact: string, selfNames: readonly string[] = []): ClaimKind {
  if (side === 'company') return stance === 'denial' || isDenial(exact, selfNames) ? 'denial' : 'statement'
  return stance === 'accusation' || ACCUSATION.test(exact) ? 'allegation' : 'report'
}
