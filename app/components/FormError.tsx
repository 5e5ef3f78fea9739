// The one way a form says what went wrong: announced to screen readers as it appears.
export function FormError({ error, id }: { error: string | null; id?: string }) {
  if (!error) return null
  return (
    <p id={id} className="error" role="alert">
      {error}
    </p>
  )
}
