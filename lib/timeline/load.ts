// One function for the timeline page and its exports: the URL's parameters in, the view out.
import { getEntitiesByIds } from '../queries/entities'
import { findClaimsForTimeline, listStorySubjects } from '../queries/timeline'
import { buildTimeline, type TimelineView } from './build'
import type { TimelineParams } from './params'

// Enough for years of coverage of one company; beyond it the view asks for narrower dates.
export const TIMELINE_LIMIT = 1000

export async function loadTimeline(params: TimelineParams, limit = TIMELINE_LIMIT): Promise<TimelineView & { companyIds: string[] }> {
  const companyIds = params.entity.length > 0 ? params.entity : params.story ? await listStorySubjects(params.story) : []
  if (companyIds.length === 0) return { size: null, companies: [], links: [], items: [], truncated: false, companyIds }
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
    limit,
  })
  return { ...buildTimeline(claims, companies, truncated), companyIds }
}
