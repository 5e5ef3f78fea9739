// Is a statement a denial? Either a denial word ("significant inaccuracies", "untrue") or the
// clause's own subject — the speaker, its company, "we", "it" — with a negated verb ("Microsoft
// does not provide …", "it does not allow …", "there were no …"). A negation deeper in the
// clause ("… and never on a voluntary basis", "government lawyers had not responded") leaves it
// a statement: editors tag what the company affirms about itself there, not a denial.
import { DENIAL_WORDS } from './lexicon'
import { normalizeName } from './names'

const DENIAL_WORD = new RegExp(`\\b(?:${DENIAL_WORDS.join('|')})\\b`, 'i')
const NEGATED = /^(?:(?:in addition|however|but|and|also|still|so far),?\s+)?(\S+(?:\s+\S+){0,3}?)\s+(?:(?:does|did|do|has|have|had|is|was|were|are|will|would|could|can)(?:\s+not|n['’]t)|cannot|(?:(?:has|had|have|does|did|do|is|was|were|are|will|would)\s+)?(?:never|no longer))\b/i
const THERE_NO = /^(?:there|it)\s+(?:is|was|were|are|has been|had been)\s+(?:no|not|never)\b/i
const SELF = /^(?:we|i|it|the company|the firm|our company|he|she)$/i

export function isDenial(clause: string, selfNames: readonly string[]): boolean {
  const text = clause.trim().replace(/^["“]/, '')
  if (DENIAL_WORD.test(text)) return true
  if (THERE_NO.test(text)) return true
  const negated = NEGATED.exec(text)
  if (!negated) return false
  const subject = negated[1]!.replace(/\s+(?:only|ever|also|simply|certainly)$/i, '')
  if (SELF.test(subject)) return true
  const key = normalizeName(subject)
  return selfNames.some((n) => normalizeName(n) === key)
}
