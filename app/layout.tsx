import type { Metadata } from 'next'
import Link from 'next/link'
import type { ReactNode } from 'react'
import './globals.css'

export const metadata: Metadata = {
  title: { default: 'Claimline', template: '%s · Claimline' },
  description: 'What companies say, against what the press reports about them.',
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <nav aria-label="Main">
            <Link href="/" className="brand">
              Claimline
            </Link>
            <Link href="/">Articles</Link>
            <Link href="/articles/new">Add articles</Link>
          </nav>
        </header>
        <main>{children}</main>
      </body>
    </html>
  )
}
