// Where an attribution's words end when another speaker's cue follows inside them: "X urged the
// US to act and proposed a safe zone", "how the consulate was taken, video showed the fighters".
// The rules read a clause up to the sentence's end; a second cue joined by a comma or "and"
// starts a second attribution, so the first ends before it and both are kept (not one long span
// that covers two). A cue inside the words without such a join is reported speech nested in
// them ("said that Jane Roe told her …") and cuts nothing.
import type { Attribution } from './attribution'
import type { Doc } from './text'

const JOINED = /(?:,|;|—|–|\band|\bbut|\bwhile)\s*$/i
const TRAILING = /[\s,;:—–-]*(?:\b(?:and|but|while)\s*)?[\s,;:—–-]*$/i

export function endAtLaterCues(doc: Doc, all: readonly Attribution[]): Attribution[] {
  const byCue = [...all].sort((a, b) => a.at - b.at)
  return all.map((a) => {
    // Only words that follow their cue ("said that …"), not words before an inverted cue.
    if (a.nested || a.at >= a.start) return a
    const lo = firstNotBefore(byCue, (b) => b.at <= a.start)
    for (let j = lo, seen = 0; j < byCue.length && byCue[j]!.at < a.end && seen < 8; j++, seen++) {
      const b = byCue[j]!
      if (b === a || b.nested) continue
      const cut = b.source ? (doc.tokens[b.source.first]?.start ?? b.at) : b.at
      if (cut <= a.start || cut >= a.end) continue
      const before = doc.text.slice(a.start, cut)
      if (!JOINED.test(before)) continue
      const kept = before.replace(TRAILING, '')
      if ((kept.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) < 3) continue
      return { ...a, end: a.start + kept.length }
    }
    return a
  })
}

// Binary search over a list sorted so that `before` holds for a prefix: the prefix's length.
export function firstNotBefore<T>(sorted: readonly T[], before: (x: T) => boolean): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (before(sorted[mid]!)) lo = mid + 1
    else hi = mid
  }
  return lo
}
