// The extraction metric of ../shared/eval/README.md, shared by eval:extract and eval:readability.
//   body   ScrapingHub's: \w+ tokens, 4-word shingles with counts; precision and recall from
//          shingle-count overlaps
//   title  equal after lower-casing, NFKC and folding to \w+ tokens
//   author the normalised truth contains, or is contained in, the extracted byline
const TOKEN = /[\p{L}\p{M}\p{N}_]+/gu

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? []
}

function shingles(text: string): Map<string, number> {
  const words = tokens(text)
  const counts = new Map<string, number>()
  for (let i = 0; i + 4 <= words.length; i++) {
    const key = words.slice(i, i + 4).join(' ')
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

export type Overlap = { tp: number; fp: number; fn: number }

export function shingleOverlap(predicted: string, truth: string): Overlap {
  const p = shingles(predicted)
  const t = shingles(truth)
  let tp = 0
  for (const [key, count] of p) tp += Math.min(count, t.get(key) ?? 0)
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0)
  return { tp, fp: total(p) - tp, fn: total(t) - tp }
}

export function overlapF1({ tp, fp, fn }: Overlap): number {
  const p = tp + fp === 0 ? 0 : tp / (tp + fp)
  const r = tp + fn === 0 ? 0 : tp / (tp + fn)
  return p + r === 0 ? 0 : (2 * p * r) / (p + r)
}

export const fold = (text: string) => tokens(text.normalize('NFKC').toLowerCase()).join(' ')

export function sameTitle(extracted: string | null, truth: string): boolean {
  return fold(extracted ?? '') === fold(truth)
}

export function sameAuthor(byline: string, truth: string): boolean {
  return byline !== '' && (fold(byline).includes(fold(truth)) || fold(truth).includes(fold(byline)))
}
