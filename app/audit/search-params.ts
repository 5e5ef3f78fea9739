import { z } from 'zod'

// The audit page's filters, all in the URL so a view can be shared. Bad values are dropped,
// not errors: a hand-edited URL still shows the page.
const day = z.iso.date().optional().catch(undefined)

export const auditSearchParams = z.object({
  actor: z.uuid().optional().catch(undefined),
  type: z
    .string()
    .regex(/^[A-Za-z]{1,40}$/)
    .optional()
    .catch(undefined),
  object: z.string().min(1).max(100).optional().catch(undefined),
  from: day,
  to: day,
  before: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional()
    .catch(undefined),
})

export type AuditSearch = z.infer<typeof auditSearchParams>

export function auditHref(search: AuditSearch): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(search)) if (value) params.set(key, value)
  const query = params.toString()
  return query ? `/audit?${query}` : '/audit'
}
