import { getDb } from '../db'
import type { DbClient } from './client'

export type AttemptCounts = {
  // Failed attempts, oldest first, in the window (for the account: since its last success).
  accountFailures: Date[]
  addressFailures: Date[]
}

export async function recordLoginAttempt(email: string, ip: string, succeeded: boolean, at: Date, client: DbClient = getDb()): Promise<void> {
  await client.loginAttempt.create({ data: { email, ip, succeeded, at } })
}

export async function countRecentFailures(email: string, ip: string, since: Date, client: DbClient = getDb()): Promise<AttemptCounts> {
  const lastSuccess = await client.loginAttempt.findFirst({
    where: { email, succeeded: true, at: { gte: since } },
    orderBy: { at: 'desc' },
    select: { at: true },
  })
  const [account, address] = await Promise.all([
    client.loginAttempt.findMany({ where: { email, succeeded: false, at: { gte: lastSuccess?.at ?? since } }, orderBy: { at: 'asc' }, select: { at: true } }),
    client.loginAttempt.findMany({ where: { ip, succeeded: false, at: { gte: since } }, orderBy: { at: 'asc' }, select: { at: true } }),
  ])
  // An attempt at the same millisecond as the success is not after it.
  return { accountFailures: account.filter((a) => !lastSuccess || a.at > lastSuccess.at).map((a) => a.at), addressFailures: address.map((a) => a.at) }
}

export async function deleteLoginAttemptsBefore(before: Date, client: DbClient = getDb()): Promise<number> {
  return (await client.loginAttempt.deleteMany({ where: { at: { lt: before } } })).count
}
