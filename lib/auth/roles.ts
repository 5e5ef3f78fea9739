// Who may do what. Roles are ordered: an admin can do everything an editor can, an editor
// everything a viewer can.
import type { Role } from '../generated/prisma/enums'

export type { Role }

export const ROLES = ['viewer', 'editor', 'admin'] as const satisfies readonly Role[]

const RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 }

export function roleAllows(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed]
}

export const ROLE_LABELS: Record<Role, string> = {
  viewer: 'Viewer — browse, search, export',
  editor: 'Editor — ingest, annotate, manage entities and stories',
  admin: 'Admin — everything, plus users and settings',
}
