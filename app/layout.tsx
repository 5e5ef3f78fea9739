import type { Metadata } from 'next'
import Link from 'next/link'
import type { ReactNode } from 'react'
import { currentUser } from '@/lib/auth/guard'
import { roleAllows } from '@/lib/auth/roles'
import { signOut } from './login/actions'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Claimline', template: '%s · Claimline' },
  description: 'What companies say, against what the press reports about them.',
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser()
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <nav aria-label="Main">
            <Link href="/" className="brand">
              Claimline
            </Link>
            {user ? (
              <>
                <Link href="/">Articles</Link>
                <Link href="/timeline">Timeline</Link>
                <Link href="/stories">Stories</Link>
                <Link href="/entities">Entities</Link>
                <Link href="/follows">Following</Link>
                {roleAllows(user.role, 'editor') ? <Link href="/articles/new">Add articles</Link> : null}
                {roleAllows(user.role, 'editor') ? <Link href="/feeds">Feeds</Link> : null}
                {roleAllows(user.role, 'editor') ? <Link href="/audit">Audit</Link> : null}
                {roleAllows(user.role, 'admin') ? <Link href="/admin/users">Users</Link> : null}
                <span className="spacer" />
                <form action="/search" method="get" role="search" aria-label="Search the coverage" className="site-search">
                  <input type="search" name="q" placeholder="Search the coverage" aria-label="Search the coverage" />
                </form>
                <Link href="/account" aria-label={`Your account (${user.name}, ${user.role})`}>
                  {user.name}
                </Link>
                <form action={signOut}>
                  <button type="submit" className="link-button">
                    Sign out
                  </button>
                </form>
              </>
            ) : null}
          </nav>
        </header>
        <main>{children}</main>
      </body>
    </html>
  )
}
