import { expect, test } from 'vitest'
import { charsetFromContentType, decodeBytes } from '@/lib/ingest/extract/decode'
import { IngestError } from '@/lib/ingest/errors'

const utf8 = (text: string) => new TextEncoder().encode(text)
const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)))

test('a UTF-8 byte-order mark wins over everything and is dropped', () => {
  const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('<meta charset="windows-1252"><p>café</p>')])
  expect(decodeBytes(bytes, 'text/html; charset=iso-8859-1')).toMatchObject({ text: '<meta charset="windows-1252"><p>café</p>', encoding: 'utf-8' })
})

test('UTF-16 with a byte-order mark', () => {
  const text = '<p>naïve</p>'
  const le = Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0), 0])])
  expect(decodeBytes(le).text).toBe(text)
})

test('the HTTP charset comes before the document’s own declaration', () => {
  const bytes = latin1('<meta charset="utf-8"><p>caf\u00e9</p>')
  expect(decodeBytes(bytes, 'text/html; charset=ISO-8859-1')).toMatchObject({ encoding: 'windows-1252', text: '<meta charset="utf-8"><p>café</p>' })
  expect(charsetFromContentType('text/html;charset="Windows-1252"')).toBe('windows-1252')
})

test('a <meta> declaration is honoured: windows-1252 curly quotes become Unicode', () => {
  const bytes = Uint8Array.from([
    ...latin1('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>'),
    0x93,
    0x68,
    0x69,
    0x94,
    ...latin1('</p>'),
  ])
  expect(decodeBytes(bytes).text).toContain('“hi”')
})

test('undeclared bytes: valid UTF-8 is UTF-8, anything else is windows-1252', () => {
  expect(decodeBytes(utf8('<p>Zürich — “quoted”</p>')).encoding).toBe('utf-8')
  expect(decodeBytes(latin1('<p>Z\u00fcrich</p>'))).toMatchObject({ encoding: 'windows-1252', text: '<p>Zürich</p>' })
})

test('a page declared UTF-8 but written in windows-1252 is decoded as windows-1252, with a warning', () => {
  const decoded = decodeBytes(latin1('<meta charset="utf-8"><p>caf\u00e9 cr\u00e8me</p>'))
  expect(decoded.text).toContain('café crème')
  expect(decoded.warnings).toEqual(['Declared as UTF-8 but encoded as windows-1252; decoded as windows-1252.'])
})

test('a page of valid UTF-8 under a stale declaration is read as UTF-8, with a warning', () => {
  const page = utf8('<meta charset="gb2312"><p>Zürich — “quoted”, 北京</p>')
  const decoded = decodeBytes(page)
  expect(decoded).toMatchObject({ encoding: 'utf-8', text: '<meta charset="gb2312"><p>Zürich — “quoted”, 北京</p>' })
  expect(decoded.warnings).toEqual(['Declared as gb2312 but the bytes are valid UTF-8; read as UTF-8.'])
  // The same from a server's default charset.
  expect(decodeBytes(utf8('<p>café</p>'), 'text/html; charset=ISO-8859-1')).toMatchObject({ encoding: 'utf-8', text: '<p>café</p>' })
  // Real GB2312 is not valid UTF-8 and is read as declared; plain ASCII raises no warning.
  const gb = Uint8Array.from([...latin1('<meta charset="gb2312"><p>'), 0xb1, 0xb1, 0xbe, 0xa9, ...latin1('</p>')])
  expect(decodeBytes(gb)).toMatchObject({ encoding: 'gbk', text: '<meta charset="gb2312"><p>北京</p>', warnings: [] })
  expect(decodeBytes(latin1('<meta charset="gb2312"><p>ok</p>')).warnings).toEqual([])
})

test('a UTF-8 page with a few broken bytes keeps its UTF-8 and marks the damage', () => {
  const bytes = Uint8Array.from([...utf8('<meta charset="utf-8"><p>café '), 0xff, ...utf8(' ok</p>')])
  const decoded = decodeBytes(bytes)
  expect(decoded.text).toContain('café \ufffd ok')
  expect(decoded.warnings[0]).toMatch(/not valid UTF-8/)
})

test('an unknown charset label falls back to sniffing, with a warning', () => {
  const decoded = decodeBytes(utf8('<p>ok</p>'), 'text/html; charset=x-klingon')
  expect(decoded.encoding).toBe('utf-8')
  expect(decoded.warnings[0]).toMatch(/Unknown character set "x-klingon"/)
})

test.each([
  ['a PDF', latin1('%PDF-1.7\n...'), /PDF document/],
  ['a PNG', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), /PNG image/],
  ['a ZIP', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14]), /ZIP archive/],
  ['bytes with NULs', Uint8Array.from([0x3c, 0x70, 0x00, 0x00, 0x3e]), /binary data/],
])('refuses %s with a clear error', (_name, bytes, message) => {
  expect(() => decodeBytes(bytes)).toThrow(IngestError)
  expect(() => decodeBytes(bytes)).toThrow(message)
})
