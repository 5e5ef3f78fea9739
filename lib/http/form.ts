// Reading FormData in server actions: a missing field or a file where text was expected reads
// as '' so that zod reports it, never as an exception.
export function formText(form: FormData, name: string): string {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}
