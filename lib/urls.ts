// The longest URL Claimline keeps or fetches. Browsers and servers commonly stop near 2,000
// characters, and an indexed column refuses a row over about 8 kB: a longer URL is refused at the
// edge with a message instead of failing the insert.
export const MAX_URL_LENGTH = 2000

// Only http(s) links ever reach a page: an ingested `javascript:` or `data:` URL is dropped, and
// so is one over MAX_URL_LENGTH (a canonical link in a page is the page's word, not the editor's).
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value || value.length > MAX_URL_LENGTH) return null
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null
  } catch {
    return null
  }
}
