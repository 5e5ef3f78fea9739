'use server'
// Confirming or rejecting a proposed link, from the article page or the timeline: one click,
// audited; the pages showing either claim are refreshed.
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { guardedAction } from '@/lib/auth/guard'
import { confirmProposal, rejectProposal } from '@/lib/claims/link-proposals'
import { refusalMessage } from '@/lib/errors'
import { formText } from '@/lib/http/form'

export type ProposalActionState = { error: string | null; done: number }

const decision = z.object({ proposalId: z.uuid(), decision: z.enum(['confirm', 'reject']) })

export const decideProposedLink = guardedAction('editor', async (user, previous: ProposalActionState, form: FormData): Promise<ProposalActionState> => {
  const input = decision.safeParse({ proposalId: formText(form, 'proposalId'), decision: formText(form, 'decision') })
  if (!input.success) return { error: 'No such proposed link.', done: previous.done }
  try {
    const decided =
      input.data.decision === 'confirm' ? await confirmProposal(input.data.proposalId, user.id) : await rejectProposal(input.data.proposalId, user.id)
    for (const articleId of decided.articleIds) revalidatePath(`/articles/${articleId}`)
    revalidatePath('/timeline')
  } catch (error) {
    return { error: refusalMessage(error), done: previous.done }
  }
  return { error: null, done: previous.done + 1 }
})
