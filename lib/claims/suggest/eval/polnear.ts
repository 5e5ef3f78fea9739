// PolNeAR (github:networkdynamics/PolNeAR) attribution annotations in brat standoff, as the
// eval reads them. The corpus carries no licence, so none of its text is in this repository:
// scripts/eval-suggest.ts reads it from POLNEAR_DIR, and only the train and dev splits (the test
// split is the held-out measure nobody here looks at).
//
// A `.ann` file has text-bound lines `T12<TAB>Content 226 297;300 310<TAB>words` (a span may be in
// pieces) and event lines `E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1` (or
// `Attribution-no-source`, and a second `Content2`). One event is one attribution.
export type Range = [number, number]
export type Attribution = { content: Range[]; source: Range[] | null; cue: Range[] }

export function parseStandoff(ann: string): Attribution[] {
  const spans = new Map<string, Range[]>()
  const events: string[][] = []
  for (const line of ann.split('\n')) {
    const [id, body] = line.split('\t')
    if (!id || !body) continue
    if (/^T\d+$/.test(id)) {
      const m = /^\S+ (\d+ \d+(?:;\d+ \d+)*)$/.exec(body)
      if (m)
        spans.set(
          id,
          m[1]!.split(';').map((p) => p.split(' ').map(Number) as Range),
        )
    } else if (/^E\d+$/.test(id) && /^Attribution(?:-no-source)?:/.test(body)) {
      events.push(body.split(' '))
    }
  }
  const out: Attribution[] = []
  for (const parts of events) {
    const roles = new Map<string, Range[]>()
    for (const part of parts) {
      const [role, ref] = part.split(':')
      const ranges = ref ? spans.get(ref) : undefined
      if (!role || !ranges) continue
      const key = role.replace(/\d+$/, '')
      roles.set(key, [...(roles.get(key) ?? []), ...ranges])
    }
    const content = roles.get('Content')
    if (!content || content.length === 0) continue
    out.push({ content: content.sort((a, b) => a[0] - b[0]), source: roles.get('Source') ?? null, cue: roles.get('Cue') ?? [] })
  }
  return out.sort((a, b) => a.content[0]![0] - b.content[0]![0])
}

// A direct quotation: the content is mostly inside quotation marks (it opens with one).
export function isQuoted(text: string, content: readonly Range[]): boolean {
  const first = content[0]
  if (!first) return false
  const opening = text.slice(Math.max(0, first[0] - 1), first[0] + 1)
  return /["“]/.test(opening)
}
