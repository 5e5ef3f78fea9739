// One function for the timeline page and its exports: the URL's parameters in, the view out.
import { findMostRecentlyActiveCompany } from '../queries/company-map'
import { getEntitiesByIds } from '../queries/entities'
import { getOutletsByIds, listOutletsWithClaims } from '../queries/outlets'
import { findClaimsForTimeline, listStorySubjects } from '../queries/timeline'
import { buildTimeline, type TimelineView } from './build'
import { timelineQueryString, type TimelineParams } from './params'
import { versionedCache } from '../cache/versioned'
import { getDataVersion } from '../queries/data-version'

// Claims per page. A page costs about 30 µs and 2.3 kB of HTML per claim (bench:timeline), so
// 300 keeps the first screen quick; the view pages on by date beyond it.
export const TIMELINE_LIMIT = 300

// The view pages by date: when more claims match than fit, the page ends before the last day it
// reached (a day is never split across pages) and `nextFrom` is where the next page starts.
export type LoadedTimeline = TimelineView & { companyIds: string[]; nextFrom: string | null }

// Journalists ask for the same few companies over and over, and the archive changes far less
// often than it is read: views are cached until the next change (any instance's), which turns a
// 20–30 ms query and build into a lookup (bench:http). 64 views of at most 300 claims each.
const cache = versionedCache<LoadedTimeline>(64)

export async function loadTimeline(params: TimelineParams, limit = TIMELINE_LIMIT): Promise<LoadedTimeline> {
  return loadTimelineAt(await getDataVersion(), params, limit)
}

// For a caller that read the change counter itself (to answer with an ETag).
export async function loadTimelineAt(version: string, params: TimelineParams, limit = TIMELINE_LIMIT): Promise<LoadedTimeline> {
  // Exports ask for up to 100 000 claims at once: computed for them alone, not kept among the
  // page views they would push out.
  if (limit !== TIMELINE_LIMIT) return computeTimeline(params, limit)
  return cache.get(version, `${limit}?${timelineQueryString(params)}`, () => computeTimeline(params, limit))
}

type Choice = { id: string; name: string }
const outlets = versionedCache<Choice[]>(1)

// The outlet filter's choices: the outlets with claims, kept until the claims change, and the one
// chosen even when it has none.
export async function loadTimelineOutlets(version: string, chosen: string | undefined): Promise<Choice[]> {
  const withClaims = await outlets.get(version, 'with-claims', () => listOutletsWithClaims())
  if (!chosen || withClaims.some((o) => o.id === chosen)) return withClaims
  return [...withClaims, ...(await getOutletsByIds([chosen]))].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

async function computeTimeline(params: TimelineParams, limit: number): Promise<LoadedTimeline> {
  // No company chosen: the one whose claims were tagged last, never an empty page.
  const latest = params.entity.length === 0 && !params.story ? await findMostRecentlyActiveCompany() : null
  const companyIds = params.entity.length > 0 ? params.entity : params.story ? await listStorySubjects(params.story) : latest ? [latest] : []
  if (companyIds.length === 0) return { size: null, companies: [], links: [], items: [], cardOf: {}, truncated: false, companyIds, nextFrom: null }
  const companies = await getEntitiesByIds(companyIds)
  const { claims, truncated } = await findClaimsForTimeline({
    companyIds: companies.map((c) => c.id),
    storyId: params.story,
    kinds: params.kind,
    outletId: params.outlet,
    speakerId: params.speaker,
    from: params.from,
    to: params.to,
    q: params.q,
    unanswered: params.unanswered === '1',
    limit,
  })
  if (!truncated) return { ...buildTimeline(claims, companies, false), companyIds, nextFrom: null }
  const lastDay = claims.at(-1)?.claimDate?.toISOString().slice(0, 10) ?? null
  const whole = lastDay ? claims.filter((c) => c.claimDate?.toISOString().slice(0, 10) !== lastDay) : claims
  const page = whole.length > 0 ? whole : claims
  return { ...buildTimeline(page, companies, true), companyIds, nextFrom: whole.length > 0 ? lastDay : null }
}
