// Refusals carry a code and a message a person reads; a server action shows the message of a
// refusal and lets anything else through as the bug it is.
import { expect, test } from 'vitest'
import { DomainError, refusalMessage } from '@/lib/errors'
import { IngestError } from '@/lib/ingest/errors'
import { ImportError } from '@/lib/interop/import'
import { StaleEditError } from '@/lib/queries/edits'
import { LastAdminError } from '@/lib/queries/users'

test('a stale edit is stale while there is a version to reload, not-found once the record is gone', () => {
  const stale = new StaleEditError('claim', 4)
  expect([stale.code, stale.details]).toEqual(['stale', { currentVersion: 4 }])
  expect(stale.message).toContain('version 4')
  expect(new StaleEditError('article', null).code).toBe('not-found')
  expect(stale).toBeInstanceOf(DomainError)
  expect(stale.name).toBe('StaleEditError')
})

test('an action shows the message of a refusal and rethrows anything else', () => {
  expect(refusalMessage(new LastAdminError())).toBe('This is the last active admin: make another admin first.')
  const bug = new TypeError('x is undefined')
  expect(() => refusalMessage(bug)).toThrow(bug)
})

test('an edit of a deleted record tells an API client what is gone and an editor to reload', () => {
  const gone = new StaleEditError('claim', null)
  expect(gone.apiMessage).toBe('No such claim.')
  expect(gone.message).toContain('Reload')
  const stale = new StaleEditError('claim', 4)
  expect(stale.apiMessage).toBe(stale.message)
})

test('an input that is no article, or an import that does not read, is a refusal with its code', () => {
  const ingest = new IngestError('blocked-url', 'Only http and https URLs can be fetched.')
  expect([ingest.code, ingest.name, refusalMessage(ingest)]).toEqual(['blocked-url', 'IngestError', 'Only http and https URLs can be fetched.'])
  const imported = new ImportError('not-empty', 'The database is not empty.')
  expect(imported).toBeInstanceOf(DomainError)
  expect(refusalMessage(imported)).toBe('The database is not empty.')
})
