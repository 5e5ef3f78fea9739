// Name normalisation shared by speaker resolution and the eval: "The Washington Post" and
// "Washington Post", "Microsoft Corp" and "Microsoft", "Microsoft's" and "Microsoft" compare equal.
import { COMPANY_SUFFIXES } from './lexicon'

const SUFFIX = new RegExp(`(?:,?\\s+(?:${COMPANY_SUFFIXES.join('|')})\\.?)+$`, 'i')

export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/'s?$/i, '')
    .replace(/[.,;:]+$/, '')
    .replace(SUFFIX, '')
    .toLowerCase()
}

export function lastWord(name: string): string {
  const words = normalizeName(name).split(' ')
  return words[words.length - 1] ?? ''
}
