// After an editor makes or changes claims: each joins its cluster (the same claim in other
// articles), and answers are proposed in its article and across articles. The map is a help,
// never a reason for an editor's save to fail: an error here is logged and the save stands.
import { getDb } from '../db'
import type { PrismaClient } from '../generated/prisma/client'
import { assignCluster, proposeAnswersAcrossArticles } from './clusters/assign'
import { proposeLinksInArticle } from './link-proposals'

export async function updateClaimMap(articleId: string, claimIds: string[], client: PrismaClient = getDb()): Promise<void> {
  try {
    for (const id of claimIds) await assignCluster(id, client)
    await proposeLinksInArticle(articleId, client)
    for (const id of claimIds) await proposeAnswersAcrossArticles(id, client)
  } catch (error) {
    console.error(`Updating the claim map for article ${articleId} failed:`, error)
  }
}
