import Link from 'next/link'

export default function Unauthorized() {
  return (
    <section className="narrow">
      <h1>Sign in needed</h1>
      <p>Your session has ended, or you are not signed in.</p>
      <p>
        <Link href="/login">Sign in</Link>
      </p>
    </section>
  )
}
