import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { setupNeeded } from '@/lib/auth/setup'
import { SetupForm } from './SetupForm'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Set up Claimline' }

const params = z.object({ code: z.string().max(40).optional().catch(undefined) })

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function SetupPage({ searchParams }: Props) {
  if (!(await setupNeeded())) redirect('/login')
  const { code } = params.parse(await searchParams)
  return (
    <section className="narrow">
      <h1>Set up Claimline</h1>
      <p>
        Nobody has an account yet. Create the first admin; the admin then adds editors and viewers under <em>Users</em>.
      </p>
      <SetupForm code={code ?? ''} />
      <p className="muted small">
        From a terminal instead: <code>npm run claimline -- user create --admin --email you@example.org --name &quot;Your Name&quot;</code>
      </p>
    </section>
  )
}
