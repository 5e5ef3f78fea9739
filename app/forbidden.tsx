import Link from 'next/link'

export default function Forbidden() {
  return (
    <section className="narrow">
      <h1>Not allowed</h1>
      <p>Your account&apos;s role does not allow this. An admin can change your role.</p>
      <p>
        <Link href="/">Back to the articles</Link>
      </p>
    </section>
  )
}
