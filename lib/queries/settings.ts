import { getDb } from '../db'
import type { Prisma } from '../generated/prisma/client'
import type { DbClient } from './client'

export async function getSetting(key: string, client: DbClient = getDb()): Promise<Prisma.JsonValue | null> {
  return (await client.setting.findUnique({ where: { key } }))?.value ?? null
}

export async function putSetting(key: string, value: Prisma.InputJsonValue, client: DbClient = getDb()): Promise<void> {
  await client.setting.upsert({ where: { key }, create: { key, value }, update: { value } })
}

export async function deleteSetting(key: string, client: DbClient = getDb()): Promise<void> {
  await client.setting.deleteMany({ where: { key } })
}
