// /claims/<id>: a claim's permanent address. Opens its article scrolled to the claim's words,
// which flash; used by the audit trail, links between claims and the timeline.
import { notFound, redirect } from 'next/navigation'
import { z } from 'zod'
import { requirePageUser } from '@/lib/auth/guard'
import { getClaim } from '@/lib/queries/claims'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ id: string }> }

export default async function ClaimPage({ params }: Props) {
  const { id } = await params
  await requirePageUser('viewer', `/claims/${encodeURIComponent(id)}`)
  const parsed = z.uuid().safeParse(id)
  const claim = parsed.success ? await getClaim(parsed.data) : null
  if (!claim) notFound()
  redirect(`/articles/${claim.articleId}#claim-${claim.id}`)
}
