import type { Metadata } from 'next'
import Link from 'next/link'
import { FilterForm } from '@/app/components/FilterForm'
import { requirePageUser } from '@/lib/auth/guard'
import { roleAllows } from '@/lib/auth/roles'
import { ProposalButtons } from '@/app/components/ProposedLinks'
import { CLAIM_KINDS, claimKindLabel, relationLabel } from '@/lib/claims/kinds'
import { getEntitiesByIds, listTimelineCompanies } from '@/lib/queries/entities'
import { listOutlets } from '@/lib/queries/outlets'
import { listStories } from '@/lib/queries/stories'
import type { TimelineItem } from '@/lib/timeline/build'
import { loadTimeline } from '@/lib/timeline/load'
import { timelineParams, timelineQueryString } from '@/lib/timeline/params'
import { TimelineConnectors } from './TimelineConnectors'
import { ChoiceFilter, DateRangeFilter } from '@/app/components/Filters'
import { ExportLinks } from '@/app/components/ExportLinks'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Timeline' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

function Item({ item }: { item: TimelineItem }) {
  const attribution = [item.speaker, item.channel].filter(Boolean).join(', ')
  return (
    <li className={`tl-item tl-${item.kind}`} data-item={item.id}>
      <Link href={`/claims/${item.id}`} className="tl-open" aria-label={`${claimKindLabel(item.kind)}${item.speaker ? ` by ${item.speaker}` : ''}${item.date ? `, ${item.date}` : ''}: open in the article`}>
        <span className={`kind kind-${item.kind}`}>{claimKindLabel(item.kind)}</span>
        {item.date ? <time dateTime={item.date}>{item.date}</time> : null}
      </Link>
      <blockquote>“{item.quote}”</blockquote>
      <p className="tl-source">
        {attribution || <span className="muted">unattributed</span>}
        <span className="muted">
          {' '}
          · {item.outlet ?? 'unknown outlet'}
          {item.bylines.length > 0 ? `, ${item.bylines.join(' and ')}` : ''}
        </span>
      </p>
    </li>
  )
}

function Lane({ items, label }: { items: TimelineItem[]; label: string }) {
  return items.length === 0 ? (
    <div className="tl-empty" aria-hidden="true" />
  ) : (
    <ul className="tl-lane-items" aria-label={label}>
      {items.map((item) => (
        <Item key={item.id} item={item} />
      ))}
    </ul>
  )
}

// The speakers on this timeline (and the one chosen, even when nothing of theirs is in view):
// a menu of every entity in the archive grew to thousands of options and most of the page's
// HTML at a million claims.
async function speakerChoices(items: TimelineItem[], chosen: string | undefined): Promise<{ id: string; name: string }[]> {
  const byId = new Map<string, string>()
  for (const item of items) if (item.speakerId && item.speaker) byId.set(item.speakerId, item.speaker)
  if (chosen && !byId.has(chosen)) for (const entity of await getEntitiesByIds([chosen])) byId.set(entity.id, entity.name)
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name))
}

export default async function TimelinePage({ searchParams }: Props) {
  const params = timelineParams.parse(await searchParams)
  const query = timelineQueryString(params)
  const user = await requirePageUser('viewer', query ? `/timeline?${query}` : '/timeline')
  const canEdit = roleAllows(user.role, 'editor')
  const [view, companies, outlets, stories] = await Promise.all([loadTimeline(params), listTimelineCompanies(), listOutlets(), listStories()])
  const speakers = await speakerChoices(view.items, params.speaker)
  const story = stories.find((s) => s.id === params.story)
  const itemsById = new Map(view.items.map((i) => [i.id, i]))
  const exportQuery = query ? `${query}&` : ''
  return (
    <>
      <h1>{story ? `Timeline: ${story.name}` : 'Timeline'}</h1>
      <FilterForm action="/timeline" label="Timeline filters" className="filters tl-filters">
        <label>
          Company
          <select name="entity" defaultValue={view.companyIds[0] ?? ''}>
            <option value="">choose…</option>
            {companies.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <ChoiceFilter label="Compare with" name="entity" value={view.companyIds[1]} empty="nobody" choices={companies} />
        <fieldset className="tl-kinds">
          <legend>Kinds</legend>
          {CLAIM_KINDS.map((k) => (
            <label key={k.kind} className="check">
              <input type="checkbox" name="kind" value={k.kind} defaultChecked={params.kind.includes(k.kind)} /> {k.label}
            </label>
          ))}
        </fieldset>
        <ChoiceFilter label="Outlet" name="outlet" value={params.outlet} empty="any" choices={outlets} />
        <ChoiceFilter label="Speaker" name="speaker" value={params.speaker} empty="anyone" choices={speakers} />
        <DateRangeFilter from={params.from} to={params.to} />
        <label>
          Words
          <input type="search" name="q" defaultValue={params.q ?? ''} placeholder="in the quotes or titles" />
        </label>
        <ChoiceFilter label="Story" name="story" value={params.story} empty="any story" choices={stories} />
        <button type="submit">Show</button>
      </FilterForm>
      {view.companies.length === 0 ? (
        <p className="muted">Choose a company to see what was reported about it and what it said, side by side.</p>
      ) : (
        <>
          <p className="tl-summary muted">
            {view.items.length} claim{view.items.length === 1 ? '' : 's'}
            {view.size ? `, grouped by ${view.size}` : ''}
            {view.truncated ? ' — the earliest; later ones on the next page' : ''}. Export:{' '}
            <a href={`/api/timeline?${exportQuery}format=csv`} download>
              CSV
            </a>
            ,{' '}
            <a href={`/api/timeline?${exportQuery}format=json`}>JSON</a>
            {view.items.length > 0 ? (
              <>
                {'; '}
                <ExportLinks query={query} label="its claims as" />
              </>
            ) : null}
          </p>
          <div id="timeline" className="tl">
            {view.companies.map((company) => (
              <section key={company.company.id} className="tl-company" aria-labelledby={`tl-${company.company.id}`}>
                <h2 id={`tl-${company.company.id}`}>{company.company.name}</h2>
                <div className="tl-grid tl-head" aria-hidden="true">
                  <div>Reported and alleged by others</div>
                  <div />
                  <div>Said by {company.company.name} and its people</div>
                </div>
                {company.rows.map((row) => (
                  <div key={row.key} className="tl-grid tl-row">
                    <Lane items={row.reported} label={`Reported, ${row.label}`} />
                    <h3 className="tl-date">{row.label}</h3>
                    <Lane items={row.said} label={`Said by ${company.company.name}, ${row.label}`} />
                  </div>
                ))}
                {company.undated.reported.length + company.undated.said.length > 0 ? (
                  <div className="tl-grid tl-row tl-undated">
                    <Lane items={company.undated.reported} label="Reported, undated" />
                    <h3 className="tl-date">Undated</h3>
                    <Lane items={company.undated.said} label={`Said by ${company.company.name}, undated`} />
                  </div>
                ) : null}
                {company.rows.length === 0 && company.undated.reported.length + company.undated.said.length === 0 ? <p className="muted">No claim matches these filters.</p> : null}
              </section>
            ))}
            <TimelineConnectors links={view.links} containerId="timeline" />
          </div>
          {view.nextFrom ? (
            <p className="tl-next">
              <Link href={`/timeline?${timelineQueryString({ ...params, from: view.nextFrom })}`}>Later claims, from {view.nextFrom} →</Link>
            </p>
          ) : view.truncated ? (
            <p className="muted">More claims share this day than one page holds: narrow the filters to see them all.</p>
          ) : null}
          {view.links.length > 0 ? (
            <section className="tl-links" aria-labelledby="tl-links-heading">
              <h2 id="tl-links-heading">Links</h2>
              <ul>
                {view.links.map((link) => {
                  const from = itemsById.get(link.fromId)
                  const to = itemsById.get(link.toId)
                  if (!from || !to) return null
                  const proposed = link.status === 'proposed'
                  const quote = to.quote.length > 100 ? `${to.quote.slice(0, 100)}…` : to.quote
                  return (
                    <li key={link.id} className={proposed ? 'proposed' : undefined}>
                      <Link href={`/claims/${from.id}`}>{from.speaker ?? 'Unattributed'}, {from.date ?? 'undated'}</Link>{' '}
                      <strong>
                        {proposed ? 'proposed: ' : ''}
                        {relationLabel(link.relation, 'from')}
                      </strong>{' '}
                      <Link href={`/claims/${to.id}`}>{to.speaker ?? 'unattributed'}, {to.date ?? 'undated'}</Link>: “{quote}”
                      {proposed && link.confidence !== null ? <span className="muted small"> · {Math.round(link.confidence * 100)}% sure</span> : null}
                      {proposed && canEdit ? (
                        <>
                          {' '}
                          <ProposalButtons proposalId={link.id} describe={`${from.speaker ?? 'unattributed'} ${relationLabel(link.relation, 'from')} “${quote}”`} />
                        </>
                      ) : null}
                    </li>
                  )
                })}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </>
  )
}
