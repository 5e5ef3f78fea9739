// Server actions given ids that name nothing (a made-up id, or a story, article or claim deleted
// in another tab) answer with a plain "No such …", as the JSON API answers 404, never a 500.
import { randomUUID } from 'node:crypto'
import { beforeAll, expect, test, vi } from 'vitest'
import { changeStoryMember } from '@/app/stories/actions'
import { suggestAgain } from '@/app/articles/[id]/claim-actions'
import * as storyArticleRoute from '@/app/api/stories/[id]/articles/[articleId]/route'
import * as storyClaimRoute from '@/app/api/stories/[id]/claims/[claimId]/route'
import { SESSION_COOKIE, startSession } from '@/lib/auth/sessions'
import { tagClaim } from '@/lib/claims/tag'
import { getDb } from '@/lib/db'
import { createStory } from '@/lib/queries/stories'
import { createTestAccount, type TestAccount } from './helpers/accounts'
import { createArticle, selection, send } from './helpers/api'

// The request that next/headers describes while an action runs: an editor's session.
const request = { cookie: null as string | null }
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (name === SESSION_COOKIE && request.cookie ? { name, value: request.cookie } : undefined) }),
  headers: async () => new Headers(),
}))
// Outside a Next.js render there is no page cache to retire.
vi.mock('next/cache', () => ({ revalidatePath: () => {} }))

let editor: TestAccount
let story = ''
let article = { id: '', bodyText: '' }
let claim = ''

beforeAll(async () => {
  editor = await createTestAccount('editor')
  request.cookie = (await startSession(editor.user.id, { ip: null, userAgent: null })).token
  story = (await createStory({ name: `Missing ids ${randomUUID()}`, description: null }, editor.user.id)).id
  article = await createArticle({ tag: randomUUID(), title: 'Northwind denies', actorId: editor.user.id })
  const created = await tagClaim(
    selection(article.id, article.bodyText, 'Northwind shared location histories'),
    { kind: 'allegation', speakerId: null, subjectId: null, channel: null, claimDate: null, note: null },
    editor.user.id,
  )
  claim = created.id
})

function form(fields: Record<string, string>): FormData {
  const data = new FormData()
  for (const [key, value] of Object.entries(fields)) data.set(key, value)
  return data
}

test('changeStoryMember: a story, article or claim that does not exist is named, in both directions, and nothing is written', async () => {
  const audit = await getDb().auditEvent.count()
  for (const present of ['true', 'false']) {
    expect(await changeStoryMember({ error: null, done: 0 }, form({ storyId: randomUUID(), articleId: article.id, present }))).toEqual({
      error: 'No such story.',
      done: 0,
    })
    expect(await changeStoryMember({ error: null, done: 0 }, form({ storyId: story, articleId: randomUUID(), present }))).toEqual({
      error: 'No such article.',
      done: 0,
    })
    expect(await changeStoryMember({ error: null, done: 0 }, form({ storyId: story, claimId: randomUUID(), present }))).toEqual({
      error: 'No such claim.',
      done: 0,
    })
  }
  expect(await getDb().auditEvent.count()).toBe(audit)
  // Real ones still work.
  expect(await changeStoryMember({ error: null, done: 0 }, form({ storyId: story, articleId: article.id, present: 'true' }))).toEqual({ error: null, done: 1 })
  expect(await changeStoryMember({ error: null, done: 1 }, form({ storyId: story, claimId: claim, present: 'true' }))).toEqual({ error: null, done: 2 })
  expect(await getDb().storyClaim.count({ where: { storyId: story } })).toBe(1)
})

test('the story membership API answers 404 for a missing story, article or claim, adding or removing', async () => {
  for (const method of ['PUT', 'DELETE'] as const) {
    const cases = [
      [storyArticleRoute[method], { id: randomUUID(), articleId: article.id }, 'No such story.'],
      [storyArticleRoute[method], { id: story, articleId: randomUUID() }, 'No such article.'],
      [storyClaimRoute[method], { id: randomUUID(), claimId: claim }, 'No such story.'],
      [storyClaimRoute[method], { id: story, claimId: randomUUID() }, 'No such claim.'],
    ] as const
    for (const [handler, params, message] of cases) {
      const response = await send(handler as Parameters<typeof send>[0], { method, path: '/api/stories/x', token: editor.apiToken, params })
      expect([method, response.status, response.body]).toEqual([method, 404, { error: { code: 'not-found', message } }])
    }
  }
})

test('suggestAgain on an article that does not exist says so', async () => {
  expect(await suggestAgain({ error: null, done: 3 }, form({ articleId: randomUUID() }))).toEqual({ error: 'No such article.', done: 3 })
  expect(await suggestAgain({ error: null, done: 3 }, form({ articleId: 'not-an-id' }))).toEqual({ error: 'No such article.', done: 3 })
  // A real article is suggested afresh.
  expect((await suggestAgain({ error: null, done: 3 }, form({ articleId: article.id }))).done).toBe(4)
})
