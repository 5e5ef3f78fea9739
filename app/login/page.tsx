import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { currentUser } from '@/lib/auth/guard'
import { safeNextPath } from '@/lib/auth/next-path'
import { setupNeeded } from '@/lib/auth/setup'
import { SignInForm } from './SignInForm'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Sign in' }

const params = z.object({ next: z.string().max(2000).optional().catch(undefined) })

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export default async function SignInPage({ searchParams }: Props) {
  const next = safeNextPath(params.parse(await searchParams).next)
  if (await currentUser()) redirect(next)
  if (await setupNeeded()) redirect('/setup')
  return (
    <section className="narrow">
      <h1>Sign in</h1>
      <SignInForm next={next} />
      <p className="muted">
        No account? Ask an admin of this Claimline to create one. Forgotten password: an admin can set a new one (<Link href="/account">Account</Link> once
        signed in).
      </p>
    </section>
  )
}
