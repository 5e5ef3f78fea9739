// UTF-8 text that some step of a page's publishing read as Windows-1252 or Latin-1 and wrote
// back out: "’" shows as "â€™" or "â\u0080\u0099". The page is then wrong in every parser;
// reversing that one step gives back what the author typed.

// Windows-1252's characters for the bytes 0x80–0x9f (the five it leaves undefined read as themselves).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'
const CP1252_BYTE = new Map([...CP1252_HIGH].map((char, i) => [char.codePointAt(0) ?? 0, 0x80 + i]))

// A lead byte of a multi-byte UTF-8 sequence followed by continuation bytes, each read as a character.
const SUSPECT = new RegExp(`[\\u00c2-\\u00f4][\\u0080-\\u00bf${CP1252_HIGH.replace(/[\u0080-\u009f]/g, '')}]`)

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

// Text that is not such a misreading, or not wholly one, is returned unchanged.
export function repairMojibake(text: string): string {
  if (!SUSPECT.test(text)) return text
  const bytes: number[] = []
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    const byte = code < 0x100 ? code : CP1252_BYTE.get(code)
    if (byte === undefined) return text
    bytes.push(byte)
  }
  try {
    return strictUtf8.decode(Uint8Array.from(bytes))
  } catch {
    return text
  }
}
