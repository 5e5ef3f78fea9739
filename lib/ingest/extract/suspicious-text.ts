// Text that reads differently from what it is: characters that reorder what is displayed
// (bidirectional overrides, as in "Trojan Source" attacks) and words mixing Latin with
// Cyrillic or Greek letters that look alike ("Асme" with a Cyrillic А and с). Stored text keeps
// them — it is what the page said — but the editor is warned, since such a word will not match
// a search or an entity's name.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u
const LATIN = /\p{Script=Latin}/u
const LOOKALIKE_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}]/u
const WORD = /[\p{L}\p{M}]+/gu

const NON_ASCII = /[^\x00-\x7f]/

export function suspiciousTextWarnings(allTexts: readonly string[]): string[] {
  // Both tricks need characters beyond ASCII; most English text has none to look at.
  const texts = allTexts.filter((t) => NON_ASCII.test(t))
  const warnings: string[] = []
  if (texts.some((t) => BIDI_CONTROLS.test(t))) {
    warnings.push('The text contains invisible characters that change the order words are shown in (bidirectional overrides): check what it really says.')
  }
  const mixed = new Set<string>()
  // A mixed word needs a Cyrillic or Greek letter: text with none (curly quotes, accents) has
  // no word worth splitting out.
  for (const text of texts.filter((t) => LOOKALIKE_SCRIPT.test(t))) {
    for (const [word] of text.matchAll(WORD)) {
      if (LATIN.test(word) && LOOKALIKE_SCRIPT.test(word)) mixed.add(word)
      if (mixed.size >= 5) break
    }
  }
  if (mixed.size > 0) {
    warnings.push(
      `Some words mix Latin letters with look-alike Cyrillic or Greek ones (${[...mixed].join(', ')}): they will not match searches or entity names.`,
    )
  }
  return warnings
}
