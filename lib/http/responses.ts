// JSON answers with one error shape for every route: { error: { code, message } }; a body over its
// limit is a DomainError ('too-large'), answered as any other (lib/api/errors.ts).
import { NextResponse } from 'next/server'
import { DomainError } from '../errors'

export function jsonError(status: number, code: string, message: string): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status })
}

// Reads a request body without ever holding more than `limit` bytes: a client may lie about
// Content-Length, or send none.
export async function readBodyWithLimit(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? NaN)
  if (declared > limit) throw new DomainError('too-large', `The request is ${(declared / 1024 / 1024).toFixed(1)} MB; the limit is ${limit / 1024 / 1024} MB.`)
  if (!request.body) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = request.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.length
    if (size > limit) {
      await reader.cancel()
      throw new DomainError('too-large', `The request is over the ${limit / 1024 / 1024} MB limit.`)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}
