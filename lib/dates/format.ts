// Shows a publication time the way the article stated it: in its own UTC offset when known
// ("Thu 6 Jun 2013, 20:43 UTC−04:00"), as a bare date when only the day is known.
const OFFSET = /^([+-])(\d\d):(\d\d)$/

function offsetMinutes(offset: string): number | null {
  if (offset === 'Z') return 0
  const match = OFFSET.exec(offset)
  if (!match) return null
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]))
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' })

export function formatPublished(date: Date | null, offset: string | null): string | null {
  if (!date) return null
  const minutes = offset ? offsetMinutes(offset) : null
  if (minutes === null) return dateFormat.format(date)
  const local = new Date(date.getTime() + minutes * 60_000)
  const zone = minutes === 0 ? 'UTC' : `UTC${offset?.replace('-', '−')}`
  return `${dayFormat.format(local).replace(',', '')}, ${timeFormat.format(local)} ${zone}`
}

// The machine-readable form for <time dateTime>: with the offset when known, else the day.
export function isoPublished(date: Date, offset: string | null): string {
  const minutes = offset ? offsetMinutes(offset) : null
  if (minutes === null) return date.toISOString().slice(0, 10)
  const local = new Date(date.getTime() + minutes * 60_000).toISOString().slice(0, 19)
  return `${local}${offset === 'Z' ? 'Z' : offset}`
}

// When something happened in the app (an audit event, a token's last use): in UTC, to the
// minute, so that every reader and every server shows the same time.
export function formatTimestamp(date: Date): string {
  return `${dateFormat.format(date)}, ${timeFormat.format(date)} UTC`
}

// The calendar day an article was published in its own time zone: the default day of its claims.
export function articleDay(publishedAt: Date | null, publishedOffset: string | null): string | null {
  return publishedAt ? isoPublished(publishedAt, publishedOffset).slice(0, 10) : null
}

// A calendar day ("2013-06-06") as readers write it: "6 Jun 2013".
export function formatDay(day: string): string {
  return dateFormat.format(new Date(`${day}T00:00:00Z`))
}

// Whole days from a calendar day to now: how long an allegation has stood unanswered.
export function daysSince(day: string, now: number = Date.now()): number {
  return Math.floor((now - Date.parse(`${day}T00:00:00Z`)) / 86_400_000)
}
