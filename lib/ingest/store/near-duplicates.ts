// Which stored article, or which earlier article of the same batch, a new body nearly copies: the
// articles sharing the most paragraph fingerprints with it are candidates, and the first whose
// text it mostly contains (fingerprint.ts) is the one. Text against text only, so it is worked out
// before the batch's transaction opens: on the embedded database that transaction holds the one
// session, and reading candidates' bodies and comparing shingles inside it kept every page's
// query waiting (bench:follow). A near-duplicate is a pointer for editors, not a constraint: an
// article stored meanwhile by another writer is, at worst, not pointed to.
import { findFingerprintOwners, getArticlesToCompare } from '../../queries/articles'
import type { DbClient } from '../../queries/client'
import { containment, NEAR_DUPLICATE_CONTAINMENT } from './fingerprint'
import type { Prepared } from './prepare'

export type NearDuplicate = { id: string; title: string; overlap: number }

// For one item of a batch: the stored article it nearly copies, and the earlier items of the
// batch it nearly copies (best candidate first), should those be stored.
export type Resemblance = { stored: NearDuplicate | null; earlier: { index: number; overlap: number }[] }

// Stored articles compared per new body.
const CANDIDATES = 5

type Comparable = { id: string; title: string; bodyText: string; duplicateOfId: string | null }

// The owners sharing the most fingerprints with a body, most first.
function topCandidates<Owner>(fingerprints: bigint[], ownersOf: Map<bigint, Owner[]>): Owner[] {
  const shared = new Map<Owner, number>()
  for (const hash of fingerprints) for (const owner of ownersOf.get(hash) ?? []) shared.set(owner, (shared.get(owner) ?? 0) + 1)
  return [...shared]
    .sort((a, b) => b[1] - a[1])
    .slice(0, CANDIDATES)
    .map(([owner]) => owner)
}

function ownersByHash<Owner>(pairs: Iterable<{ hash: bigint; owner: Owner }>): Map<bigint, Owner[]> {
  const ownersOf = new Map<bigint, Owner[]>()
  for (const { hash, owner } of pairs) ownersOf.set(hash, [...(ownersOf.get(hash) ?? []), owner])
  return ownersOf
}

function nearStored(body: string, candidates: Comparable[]): NearDuplicate | null {
  for (const candidate of candidates) {
    const overlap = containment(body, candidate.bodyText)
    // Link to the original, not to another copy of it.
    if (overlap >= NEAR_DUPLICATE_CONTAINMENT) return { id: candidate.duplicateOfId ?? candidate.id, title: candidate.title, overlap }
  }
  return null
}

export async function findResemblances(items: Prepared[], db: DbClient): Promise<Resemblance[]> {
  const owners = await findFingerprintOwners([...new Set(items.flatMap((item) => item.fingerprints))], db)
  const storedOwners = ownersByHash(owners.map(({ hash, articleId }) => ({ hash, owner: articleId })))
  const candidateIds = items.map((item) => topCandidates(item.fingerprints, storedOwners))
  const comparable = new Map((await getArticlesToCompare([...new Set(candidateIds.flat())], db)).map((a) => [a.id, a]))
  const batchOwners = ownersByHash(items.flatMap((item, index) => item.fingerprints.map((hash) => ({ hash, owner: index }))))
  return items.map((item, index) => {
    const earlierOwners = new Map(item.fingerprints.map((hash) => [hash, (batchOwners.get(hash) ?? []).filter((i) => i < index)]))
    const earlier = topCandidates(item.fingerprints, earlierOwners).flatMap((i) => {
      const overlap = containment(item.body, items[i]?.body ?? '')
      return overlap >= NEAR_DUPLICATE_CONTAINMENT ? [{ index: i, overlap }] : []
    })
    return { stored: nearStored(item.body, candidateIds[index]?.flatMap((id) => comparable.get(id) ?? []) ?? []), earlier }
  })
}
