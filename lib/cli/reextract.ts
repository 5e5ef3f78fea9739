// claimline reextract --all | ARTICLE_ID…: --all is every article extracted by an older
// extractor. Nothing at all is a usage error, not "everything": a script whose id list came out
// empty must not re-extract the whole archive.
import { z } from 'zod'
import { articleExists, listArticleIdsWithExtractorOtherThan } from '../queries/articles'
import { reextractArticle, type ReextractResult } from '../ingest/store/reextract'
import { EXTRACTOR_VERSION } from '../ingest/extract/version'
import { progress } from './progress'

const articleId = z.uuid()

// The ids given that name no stored article. Checked before any work, so a typo among many
// ids re-extracts nothing rather than some.
async function unknownArticles(ids: string[]): Promise<string[]> {
  const unknown: string[] = []
  for (const id of ids) if (!articleId.safeParse(id).success || !(await articleExists(id))) unknown.push(id)
  return unknown
}

const USAGE = 'Usage: claimline reextract --all | ARTICLE_ID…'

export async function runReextract(args: string[]): Promise<number> {
  const all = args.includes('--all')
  const ids = args.filter((a) => a !== '--all')
  // Exactly one of --all and ids; a dash-led argument is a mistyped flag, not an id.
  const oneOfThem = all ? ids.length === 0 : ids.length > 0
  if (!oneOfThem || ids.some((a) => a.startsWith('-'))) {
    console.error(USAGE)
    return 2
  }
  const unknown = await unknownArticles(ids)
  for (const id of unknown) console.error(`No such article: ${id}`)
  if (unknown.length > 0) return 1
  const targets = all ? await listArticleIdsWithExtractorOtherThan(EXTRACTOR_VERSION) : ids
  const bar = progress(targets.length)
  const results: ReextractResult[] = []
  for (const id of targets) {
    const result = await reextractArticle(id, null)
    results.push(result)
    bar.tick(`${result.title || id}: ${result.status}${result.message ? ` (${result.message})` : ''}`)
  }
  bar.done()
  const count = (s: ReextractResult['status']) => results.filter((r) => r.status === s).length
  const sum = (key: 'reanchored' | 'orphaned') => results.reduce((n, r) => n + (r[key] ?? 0), 0)
  console.log(
    `Re-extracted with ${EXTRACTOR_VERSION}: ${count('updated')} updated, ${count('unchanged')} unchanged, ${count('failed')} failed; ${sum('reanchored')} claims re-anchored, ${sum('orphaned')} orphaned.`,
  )
  return count('failed') > 0 ? 1 : 0
}
