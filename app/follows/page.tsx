import type { Metadata } from 'next'
import Link from 'next/link'
import { requirePageUser } from '@/lib/auth/guard'
import { claimKindLabel } from '@/lib/claims/kinds'
import { formatTimestamp } from '@/lib/dates/format'
import { newsSinceLastVisit, NEWS_LIMIT } from '@/lib/follow/news'
import { webhookStatus } from '@/lib/follow/webhook'
import { markSeenAction, removeWebhookAction, unfollowEntityAction } from './actions'
import { FeedLinkForm } from './FeedLinkForm'
import { WebhookForm } from './WebhookForm'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Following' }

// What is new about the companies this user follows since they last marked it seen: claims
// editors made and claims the engine suggested on newly ingested articles (followed feeds
// bring those in on their own), newest first.
export default async function FollowsPage() {
  const user = await requirePageUser('viewer', '/follows')
  const [{ since, items, companies }, webhook] = await Promise.all([newsSinceLastVisit(user.id), webhookStatus(user.id)])
  const newest = items[0]?.at
  return (
    <>
      <h1>Following</h1>
      {companies.length === 0 ? (
        <p>
          You follow no company yet. Open one from <Link href="/entities">Entities</Link> and choose Follow: new claims about it will be listed here.
        </p>
      ) : (
        <section aria-labelledby="companies-heading">
          <h2 id="companies-heading">Companies you follow</h2>
          <ul>
            {companies.map((c) => (
              <li key={c.id}>
                <Link href={`/entities/${c.id}`}>{c.name}</Link>{' '}
                <form action={unfollowEntityAction} className="inline-form">
                  <input type="hidden" name="entityId" value={c.id} />
                  <button type="submit" aria-label={`Unfollow ${c.name}`}>
                    Unfollow
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="new-heading">
        <h2 id="new-heading">New since {formatTimestamp(since)}</h2>
        {items.length === 0 ? (
          <p className="muted">Nothing new about the companies you follow.</p>
        ) : (
          <>
            {items.length >= NEWS_LIMIT ? <p className="muted">The newest {NEWS_LIMIT} are shown.</p> : null}
            <ul aria-label="New claims">
              {items.map((item) => (
                <li key={`${item.kind}-${item.id}`}>
                  <strong>{item.subject.name}</strong> · {claimKindLabel(item.claimKind)}
                  {item.kind === 'suggestion' ? ' (suggested)' : ''}: “{item.quote}”{item.speaker ? ` (${item.speaker})` : ''} — in{' '}
                  <Link href={item.kind === 'claim' ? `/claims/${item.id}` : `/articles/${item.article.id}`}>{item.article.title}</Link>{' '}
                  <span className="muted">{formatTimestamp(item.at)}</span>
                </li>
              ))}
            </ul>
            {newest ? (
              <form action={markSeenAction}>
                <input type="hidden" name="upTo" value={newest.toISOString()} />
                <button type="submit">Mark all as seen</button>
              </form>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby="atom-heading">
        <h2 id="atom-heading">In a feed reader or chat bot</h2>
        <p>
          The same news as an Atom feed at a private link, for a feed reader or a newsroom chat bot. The link carries a token of its own: revoke it on your
          account page.
        </p>
        <FeedLinkForm />
      </section>

      <section aria-labelledby="webhook-heading">
        <h2 id="webhook-heading">Webhook</h2>
        <p>
          Each new claim about the companies you follow POSTed as JSON to a URL of yours, signed with a secret (the <code>X-Claimline-Signature</code> header);
          a failed delivery is tried again, five times with growing waits.
        </p>
        {webhook ? (
          <p role="status" aria-label="Webhook status">
            {webhook.lastAttemptAt === null
              ? 'Nothing sent yet.'
              : webhook.lastError
                ? `Last delivery failed ${formatTimestamp(webhook.lastAttemptAt)}: ${webhook.lastError}`
                : `Last delivered ${formatTimestamp(webhook.lastAttemptAt)} (HTTP ${webhook.lastStatus ?? '?'}).`}
          </p>
        ) : null}
        <WebhookForm url={webhook?.url ?? null} />
        {webhook ? (
          <form action={removeWebhookAction}>
            <button type="submit">Remove webhook</button>
          </form>
        ) : null}
      </section>
    </>
  )
}
