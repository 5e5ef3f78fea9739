// Bytes → text. The order follows the HTML standard's encoding sniffing: a byte-order mark,
// then the HTTP Content-Type charset, then a <meta charset> (or XML declaration) in the first
// bytes, then UTF-8 if the bytes are valid UTF-8, else windows-1252 (what browsers assume for
// legacy Western pages). One departure: bytes that are valid UTF-8 with non-ASCII text in them
// are read as UTF-8 even when declared otherwise, with a warning. TextDecoder maps labels as browsers do: "iso-8859-1" and "ascii"
// decode as windows-1252.
import { IngestError } from '../errors'

export type Decoded = { text: string; encoding: string; warnings: string[] }

const SNIFF_BYTES = 4096

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', skip: 3 }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', skip: 2 }
  return null
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType) : null
  return match?.[1]?.toLowerCase() ?? null
}

function declaredInDocument(bytes: Uint8Array): string | null {
  const head = decodeWindows1252(bytes.subarray(0, SNIFF_BYTES))
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head)
  return meta?.[1]?.toLowerCase() ?? null
}

// windows-1252's 0x80–0x9F (curly quotes, dashes, €, …), which Node 20's TextDecoder decodes
// as Latin-1 control characters. Undefined positions keep their byte value, as browsers do.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c)
}

function decodeWith(encoding: string, bytes: Uint8Array): string {
  return encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes)
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label)
  } catch {
    return null // a label browsers do not know
  }
}

// The text when the bytes are valid UTF-8, else null: one pass, where checking and then
// decoding would take two.
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true
  return false
}

// True when the bytes contain at least one well-formed multi-byte UTF-8 sequence: then a
// page declared as UTF-8 with a few bad bytes is UTF-8 with damage, not mislabelled Latin-1.
function hasUtf8Sequences(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length - 1; i++) {
    const b = bytes[i] ?? 0
    if (b >= 0xc2 && b <= 0xf4) {
      const next = bytes[i + 1] ?? 0
      if (next >= 0x80 && next <= 0xbf) return true
    }
  }
  return false
}

const BINARY_SIGNATURES: [string, number[]][] = [
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a ZIP archive (or Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a WebP or other RIFF file', [0x52, 0x49, 0x46, 0x46]],
]

export function refuseBinary(bytes: Uint8Array): void {
  for (const [what, signature] of BINARY_SIGNATURES) {
    if (signature.every((byte, i) => bytes[i] === byte)) throw new IngestError('binary', `This is ${what}, not a web page or text.`)
  }
  // Text in UTF-8 or a single-byte encoding never contains NUL; UTF-16 was caught by its BOM.
  const sample = bytes.subarray(0, 8192)
  if (sample.includes(0)) throw new IngestError('binary', 'This file contains binary data (NUL bytes), not a web page or text.')
}

export function decodeBytes(bytes: Uint8Array, contentType?: string | null): Decoded {
  const warnings: string[] = []
  const bom = bomEncoding(bytes)
  if (bom) return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.skip)), encoding: bom.encoding, warnings }
  refuseBinary(bytes)

  const declared = charsetFromContentType(contentType) ?? declaredInDocument(bytes)
  const decoder = declared ? decoderFor(declared) : null
  if (declared && !decoder) warnings.push(`Unknown character set "${declared}"; guessed from the bytes instead.`)

  if (decoder && decoder.encoding !== 'utf-8') {
    // Valid UTF-8 that uses multi-byte sequences is UTF-8 whatever it declares: text in a legacy
    // encoding almost never happens to form them, while templates keep a stale <meta charset>
    // (and servers a default charset) after a site moves to UTF-8.
    const utf8 = hasNonAscii(bytes) ? strictUtf8(bytes) : null
    if (utf8 === null) return { text: decodeWith(decoder.encoding, bytes), encoding: decoder.encoding, warnings }
    warnings.push(`Declared as ${declared} but the bytes are valid UTF-8; read as UTF-8.`)
    return { text: utf8, encoding: 'utf-8', warnings }
  }
  const utf8 = strictUtf8(bytes)
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', warnings }
  if (decoder && hasUtf8Sequences(bytes)) {
    warnings.push('Some bytes were not valid UTF-8 and were replaced with �.')
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', warnings }
  }
  if (decoder) warnings.push('Declared as UTF-8 but encoded as windows-1252; decoded as windows-1252.')
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252', warnings }
}
