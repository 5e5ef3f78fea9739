import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { z } from 'zod'
import { ExportLinks } from '@/app/components/ExportLinks'
import { requirePageUser } from '@/lib/auth/guard'
import { claimKindLabel } from '@/lib/claims/kinds'
import { daysSince, formatDay } from '@/lib/dates/format'
import { countCompanyOutlets, getCompanyNumbers, listCompanyActivity, listRecentCompanyClaims, listUnansweredAllegations } from '@/lib/queries/company-map'
import { getEntityDetails } from '@/lib/queries/entities'
import { isFollowingEntity } from '@/lib/queries/follows'
import { followEntityAction, unfollowEntityAction } from '@/app/follows/actions'
import { ActivityChart } from './ActivityChart'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ id: string }> }

async function load(params: Props['params']) {
  const { id } = await params
  const user = await requirePageUser('viewer', `/entities/${encodeURIComponent(id)}`)
  const parsed = z.uuid().safeParse(id)
  if (!parsed.success) notFound()
  const entity = await getEntityDetails(parsed.data)
  if (!entity) notFound()
  return { ...entity, userId: user.id }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load(params)).name }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`

// A company's page: who it is, the story in numbers, allegations and answers over time, what it
// has not answered (oldest first), and its latest claims; the timeline and exports one click away.
export default async function EntityPage({ params }: Props) {
  const entity = await load(params)
  const [following, numbers, outlets, unanswered, recent, byMonth] = await Promise.all([
    isFollowingEntity(entity.userId, entity.id),
    getCompanyNumbers(entity.id),
    countCompanyOutlets(entity.id),
    listUnansweredAllegations(entity.id, 50),
    listRecentCompanyClaims(entity.id, 10),
    listCompanyActivity(entity.id, 'month'),
  ])
  // Coverage of a few months reads better by week.
  const activity = byMonth.length > 0 && byMonth.length <= 3 ? await listCompanyActivity(entity.id, 'week') : byMonth
  const unit = activity === byMonth ? 'month' : 'week'
  const median = numbers.medianDaysToAnswer
  return (
    <>
      <h1>{entity.name}</h1>
      <form action={following ? unfollowEntityAction : followEntityAction}>
        <input type="hidden" name="entityId" value={entity.id} />
        <button type="submit" aria-pressed={following}>
          {following ? `Following ${entity.name}` : `Follow ${entity.name}`}
        </button>{' '}
        <span className="muted">{following ? 'New claims about it are listed under Following.' : 'See new claims about it under Following.'}</span>
      </form>
      <dl className="meta" aria-label="About">
        <dt>Kind</dt>
        <dd>{entity.kind}</dd>
        <dt>Also known as</dt>
        <dd>{entity.aliases.length > 0 ? entity.aliases.join(', ') : <span className="muted">no other names</span>}</dd>
        {entity.affiliation ? (
          <>
            <dt>Part of</dt>
            <dd>
              <Link href={`/entities/${entity.affiliation.id}`}>{entity.affiliation.name}</Link>
            </dd>
          </>
        ) : null}
      </dl>
      <p>
        <Link href={`/timeline?entity=${entity.id}`}>Timeline</Link> ·{' '}
        <Link href={`/timeline?entity=${entity.id}&unanswered=1`}>Unanswered allegations on the timeline</Link> ·{' '}
        <ExportLinks query={`entity=${entity.id}`} label="Export its claims" />
      </p>

      <section aria-labelledby="numbers-heading">
        <h2 id="numbers-heading">The story in numbers</h2>
        <ul className="numbers">
          <li>
            <strong>{numbers.allegations.toLocaleString('en-GB')}</strong> allegations (the same allegation in several articles counts once)
          </li>
          <li>
            <strong>{numbers.answers.toLocaleString('en-GB')}</strong> statements and denials by {entity.name} and its people
          </li>
          <li>
            <strong>{numbers.unanswered.toLocaleString('en-GB')}</strong> allegations with no answer yet
          </li>
          <li>
            {median === null ? (
              <span className="muted">No answered allegation with dates yet: no time to answer.</span>
            ) : (
              <>
                <strong>{plural(Math.round(median), 'day')}</strong> median time to answer ({plural(numbers.answeredWithDates, 'answered allegation')})
              </>
            )}
          </li>
          <li>
            <strong>{outlets.toLocaleString('en-GB')}</strong> outlets reported allegations
          </li>
        </ul>
        {activity.length > 0 ? <ActivityChart buckets={activity} unit={unit} /> : <p className="muted">No dated claims yet.</p>}
      </section>

      <section aria-labelledby="unanswered-heading">
        <h2 id="unanswered-heading">Unanswered, oldest first</h2>
        {unanswered.length === 0 ? (
          <p className="muted">Every allegation about {entity.name} has an answer linked to it.</p>
        ) : (
          <ol className="unanswered">
            {unanswered.map((a) => (
              <li key={a.key}>
                <Link href={`/claims/${a.claimId}`}>“{a.quote.length > 200 ? `${a.quote.slice(0, 200)}…` : a.quote}”</Link>
                <p className="muted small">
                  {a.firstDate ? `first reported ${formatDay(a.firstDate)}, unanswered for ${plural(Math.max(0, daysSince(a.firstDate)), 'day')}` : 'undated'}
                  {a.outlets.length > 0 ? ` · ${a.outlets.join(', ')}` : ''}
                  {a.copies > 1 ? ` · ${a.copies} copies` : ''}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">Latest claims</h2>
        {recent.length === 0 ? (
          <p className="muted">No claims yet.</p>
        ) : (
          <ul className="recent-claims">
            {recent.map((c) => (
              <li key={c.id}>
                <span className={`kind kind-${c.kind}`}>{claimKindLabel(c.kind)}</span>{' '}
                <Link href={`/claims/${c.id}`}>“{c.quote.length > 160 ? `${c.quote.slice(0, 160)}…` : c.quote}”</Link>
                <span className="muted small">
                  {' '}
                  — {c.speaker?.name ?? 'unattributed'}, {c.article.outlet?.name ?? 'unknown outlet'}
                  {c.claimDate ? `, ${formatDay(c.claimDate.toISOString().slice(0, 10))}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
