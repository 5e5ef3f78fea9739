// Allegations and answers per week or month as a small bar chart, drawn on the server as SVG
// (so it prints and needs no script), with the same numbers as a table for screen readers.
import type { ActivityBucket } from '@/lib/queries/company-map'
import { formatDay } from '@/lib/dates/format'

const BAR = 10
const GAP = 6
const HEIGHT = 120

export function ActivityChart({ buckets, unit }: { buckets: ActivityBucket[]; unit: 'week' | 'month' }) {
  const highest = Math.max(1, ...buckets.flatMap((b) => [b.allegations, b.answers]))
  const width = buckets.length * (2 * BAR + GAP) + GAP
  const y = (n: number) => HEIGHT - (n / highest) * (HEIGHT - 14)
  const label = (period: string) => (unit === 'month' ? formatDay(period).replace(/^\d+ /, '') : `week of ${formatDay(period)}`)
  return (
    <figure className="activity">
      <svg
        viewBox={`0 0 ${width} ${HEIGHT + 2}`}
        width={Math.min(width, 720)}
        height={HEIGHT + 2}
        role="img"
        aria-label={`Allegations and answers per ${unit}`}
      >
        {buckets.map((b, i) => {
          const x = GAP + i * (2 * BAR + GAP)
          return (
            <g key={b.period}>
              <title>{`${label(b.period)}: ${b.allegations} allegations, ${b.answers} answers`}</title>
              <rect className="bar-allegations" x={x} y={y(b.allegations)} width={BAR} height={HEIGHT - y(b.allegations)} />
              <rect className="bar-answers" x={x + BAR} y={y(b.answers)} width={BAR} height={HEIGHT - y(b.answers)} />
            </g>
          )
        })}
        <line x1="0" x2={width} y1={HEIGHT} y2={HEIGHT} className="axis" />
      </svg>
      <figcaption className="small">
        <span className="key-allegations">■</span> allegations (first report) <span className="key-answers">■</span> answers, per {unit}:{' '}
        {label(buckets[0]?.period ?? '')} to {label(buckets.at(-1)?.period ?? '')}
      </figcaption>
      <details>
        <summary className="small">The numbers</summary>
        <table className="article-table">
          <thead>
            <tr>
              <th scope="col">{unit === 'month' ? 'Month' : 'Week'}</th>
              <th scope="col" className="count">
                Allegations
              </th>
              <th scope="col" className="count">
                Answers
              </th>
            </tr>
          </thead>
          <tbody>
            {buckets.map((b) => (
              <tr key={b.period}>
                <td>{label(b.period)}</td>
                <td className="count">{b.allegations}</td>
                <td className="count">{b.answers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
