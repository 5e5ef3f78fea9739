import { NextRequest } from 'next/server'
import { expect, test } from 'vitest'
import { readCookie } from '@/lib/auth/cookie-header'

test('a cookie is read from the header by name, percent-decoded', () => {
  expect(readCookie('a=1; claimline_session=abc%2Bdef; b=2', 'claimline_session')).toBe('abc+def')
  expect(readCookie('claimline_session=x=y', 'claimline_session')).toBe('x=y')
  expect(readCookie('claimline_sessionX=1; xclaimline_session=2', 'claimline_session')).toBeNull()
  expect(readCookie(null, 'claimline_session')).toBeNull()
  expect(readCookie('', 'claimline_session')).toBeNull()
})

test('a value that is not valid percent-encoding counts as no cookie, as in the pages', () => {
  for (const header of ['claimline_session=%', 'claimline_session=%zz', 'claimline_session=%E0%A4%A', 'claimline_session=%ED%A0%80']) {
    expect([header, readCookie(header, 'claimline_session')]).toEqual([header, null])
    // Pages and actions read cookies through Next.js, which drops such a value too.
    expect(new NextRequest('http://localhost/', { headers: { cookie: header } }).cookies.get('claimline_session')).toBeUndefined()
  }
  // Another cookie's bad value does not hide ours.
  expect(readCookie('other=%; claimline_session=abc', 'claimline_session')).toBe('abc')
})
