import type { Metadata } from 'next'
import Link from 'next/link'
import { FilterForm } from '@/app/components/FilterForm'
import { requirePageUser } from '@/lib/auth/guard'
import { roleAllows } from '@/lib/auth/roles'
import { ProposalButtons } from '@/app/components/ProposedLinks'
import { CLAIM_KINDS, claimKindLabel, confidenceLabel, relationLabel } from '@/lib/claims/kinds'
import { getEntitiesByIds, listTimelineCompanies } from '@/lib/queries/entities'
import { listStories } from '@/lib/queries/stories'
import type { TimelineItem } from '@/lib/timeline/build'
import { loadTimelineAt, loadTimelineOutlets } from '@/lib/timeline/load'
import { getDataVersion } from '@/lib/queries/data-version'
import { timelineParams, timelineQueryString } from '@/lib/timeline/params'
import { TimelineConnectors } from './TimelineConnectors'
import { ChoiceFilter, DateRangeFilter } from '@/app/components/Filters'
import { ExportLinks } from '@/app/components/ExportLinks'
import { daysSince, formatDay } from '@/lib/dates/format'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Timeline' }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

function shortDate(date: string | null): string {
  return date ? formatDay(date) : 'undated'
}

// How long an unanswered allegation has stood, from its first report to today.
function standing(date: string | null): string | null {
  if (!date) return null
  const days = daysSince(date)
  return days >= 1 ? `${days.toLocaleString('en-GB')} day${days === 1 ? '' : 's'}` : null
}

// Who a claim is from, as its card and the links list both say it.
const attributionOf = (item: TimelineItem) => [item.speaker, item.channel].filter(Boolean).join(', ')
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text)

function Item({ item }: { item: TimelineItem }) {
  const attribution = attributionOf(item)
  const unanswered = item.kind === 'allegation' && !item.answered
  const stood = unanswered ? standing(item.date) : null
  return (
    <li className={`tl-item tl-${item.kind}${unanswered ? ' tl-unanswered' : ''}`} data-item={item.id}>
      <Link
        href={`/claims/${item.id}`}
        className="tl-open"
        aria-label={`${claimKindLabel(item.kind)}${item.speaker ? ` by ${item.speaker}` : ''}${item.date ? `, ${item.date}` : ''}: open in the article`}
      >
        <span className={`kind kind-${item.kind}`}>{claimKindLabel(item.kind)}</span>
        {item.date ? <time dateTime={item.date}>{item.date}</time> : null}
      </Link>
      {unanswered ? <span className="tl-flag">unanswered{stood ? ` for ${stood}` : ''}</span> : null}
      <blockquote>“{item.quote}”</blockquote>
      <p className="tl-source">
        {item.copies.length > 0 ? 'First reported by ' : null}
        {attribution || <span className="muted">unattributed</span>}
        <span className="muted">
          {' '}
          {item.copies.length > 0 ? `(via ${item.outlet ?? 'an unknown outlet'}), ${shortDate(item.date)}` : `· ${item.outlet ?? 'unknown outlet'}`}
          {item.copies.length === 0 && item.bylines.length > 0 ? `, ${item.bylines.join(' and ')}` : ''}
        </span>
        {item.copies.length > 0 ? (
          <span className="muted">
            ; also {item.copies[0]?.outlet ?? 'an unknown outlet'} {shortDate(item.copies[0]?.date ?? null)}
            {item.copies.length > 1 ? ` (+${item.copies.length - 1})` : ''}
          </span>
        ) : null}
      </p>
      {item.copies.length > 0 ? (
        <details className="tl-copies">
          <summary>Every copy ({item.copies.length + 1})</summary>
          <ul>
            {[item, ...item.copies].map((copy) => (
              <li key={copy.id}>
                <Link href={`/claims/${copy.id}`}>
                  {copy.outlet ?? 'unknown outlet'}, {shortDate(copy.date)}
                </Link>
                : “{copy.quote.length > 140 ? `${copy.quote.slice(0, 140)}…` : copy.quote}”
              </li>
            ))}
          </ul>
        </details>
      ) : null}
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
  // Read once: the view and the outlet menu are cached until the claims change.
  const version = await getDataVersion()
  const [view, companies, outlets, stories] = await Promise.all([
    loadTimelineAt(version, params),
    listTimelineCompanies(),
    loadTimelineOutlets(version, params.outlet),
    listStories(),
  ])
  const speakers = await speakerChoices(view.items, params.speaker)
  const story = stories.find((s) => s.id === params.story)
  const itemsById = new Map(view.items.map((i) => [i.id, i]))
  const exportQuery = query ? `${query}&` : ''
  // Links drawn between cards: a link to any copy of a claim meets the card that shows it.
  const drawn = [
    ...new Map(
      view.links
        .map((l) => ({ ...l, fromId: view.cardOf[l.fromId] ?? l.fromId, toId: view.cardOf[l.toId] ?? l.toId }))
        .map((l) => [`${l.fromId}>${l.toId}>${l.status}`, l]),
    ).values(),
  ]
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
        <label className="check">
          <input type="checkbox" name="unanswered" value="1" defaultChecked={params.unanswered === '1'} /> Only unanswered allegations
        </label>
        <button type="submit">Show</button>
      </FilterForm>
      {view.companies.length === 0 ? (
        <p className="muted">No claims are tagged yet: once some are, the timeline shows what was reported about a company and what it said, side by side.</p>
      ) : (
        <>
          {params.entity.length === 0 && !params.story ? (
            <p className="tl-landing">
              Showing {view.companies.map((c) => c.company.name).join(', ')}, the company whose claims were tagged most recently. Choose another above, or see{' '}
              <Link href={`/entities/${view.companies[0]?.company.id}`}>its page</Link>.
            </p>
          ) : (
            <p className="muted small">
              {view.companies.map((c, i) => (
                <span key={c.company.id}>
                  {i > 0 ? ' · ' : ''}
                  <Link href={`/entities/${c.company.id}`}>{c.company.name}: company page</Link>
                </span>
              ))}
            </p>
          )}
          <p className="tl-summary muted">
            {view.items.length} claim{view.items.length === 1 ? '' : 's'}
            {view.size ? `, grouped by ${view.size}` : ''}
            {view.truncated ? ' — the earliest; later ones on the next page' : ''}. Export:{' '}
            <a href={`/api/timeline?${exportQuery}format=csv`} download>
              CSV
            </a>
            , <a href={`/api/timeline?${exportQuery}format=json`}>JSON</a>
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
                {company.rows.length === 0 && company.undated.reported.length + company.undated.said.length === 0 ? (
                  <p className="muted">No claim matches these filters.</p>
                ) : null}
              </section>
            ))}
            <TimelineConnectors links={drawn} containerId="timeline" />
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
                  const quote = clip(to.quote, 100)
                  return (
                    <li key={link.id} className={proposed ? 'proposed' : undefined} data-link={link.id}>
                      {/* Two answers from one speaker on one day differ by their words. */}
                      <Link href={`/claims/${from.id}`}>
                        {attributionOf(from) || 'Unattributed'}, {from.date ?? 'undated'}
                      </Link>{' '}
                      <span className="muted">(“{clip(from.quote, 60)}”)</span>{' '}
                      <strong>
                        {proposed ? 'proposed: ' : ''}
                        {relationLabel(link.relation, 'from')}
                      </strong>{' '}
                      <Link href={`/claims/${to.id}`}>
                        {attributionOf(to) || 'unattributed'}, {to.date ?? 'undated'}
                      </Link>
                      : “{quote}”{proposed && link.confidence !== null ? <span className="muted small"> · {confidenceLabel(link.confidence)}</span> : null}
                      {proposed && canEdit ? (
                        <>
                          {' '}
                          <ProposalButtons
                            proposalId={link.id}
                            describe={`${attributionOf(from) || 'unattributed'} ${relationLabel(link.relation, 'from')} “${quote}”`}
                          />
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
