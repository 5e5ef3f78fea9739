// Grouping timeline items by day, week or month, chosen from the span shown so that a week of
// coverage reads day by day and ten years read month by month.
export type BucketSize = 'day' | 'week' | 'month'

const DAY = 24 * 60 * 60 * 1000

export function bucketSizeFor(first: Date, last: Date): BucketSize {
  const days = (last.getTime() - first.getTime()) / DAY
  if (days <= 45) return 'day'
  if (days <= 270) return 'week'
  return 'month'
}

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
const dayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })

// The bucket a day falls in: its key (sortable, for grouping) and the label shown.
export function bucketOf(date: Date, size: BucketSize): { key: string; label: string } {
  if (size === 'day') return { key: date.toISOString().slice(0, 10), label: dayFormat.format(date).replace(',', '') }
  if (size === 'month') return { key: date.toISOString().slice(0, 7), label: monthFormat.format(date) }
  // ISO weeks start on Monday.
  const monday = new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY)
  const sunday = new Date(monday.getTime() + 6 * DAY)
  return { key: monday.toISOString().slice(0, 10), label: `Week of ${shortDay.format(monday)} – ${shortDay.format(sunday)} ${sunday.getUTCFullYear()}` }
}
