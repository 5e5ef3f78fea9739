'use client'
// Draws each link between two items on the timeline as a curve from one lane to the other,
// labelled with its relation. Positions are measured after layout and again on resize; the
// same links are listed in text below the timeline for screen readers and print.
import { useEffect, useRef, useState } from 'react'
import { relationLabel, type LinkRelation } from '@/lib/claims/kinds'

type Link = { id: string; fromId: string; toId: string; relation: LinkRelation; status: 'confirmed' | 'proposed' }
// `pointsLeft`: the arrow points at the claim answered, which may sit in either lane. A
// proposed link is drawn dashed until an editor confirms it.
type Path = {
  id: string
  d: string
  x: number
  y: number
  anchor: 'start' | 'end'
  label: string
  fromId: string
  toId: string
  pointsLeft: boolean
  proposed: boolean
}

export function TimelineConnectors({ links, containerId }: { links: Link[]; containerId: string }) {
  const [paths, setPaths] = useState<Path[]>([])
  const [size, setSize] = useState({ width: 0, height: 0 })
  const frame = useRef(0)

  useEffect(() => {
    const container = document.getElementById(containerId)
    if (!container) return
    const measure = () => {
      const box = container.getBoundingClientRect()
      setSize({ width: box.width, height: box.height })
      const drawn: Path[] = []
      for (const link of links) {
        const from = container.querySelector<HTMLElement>(`[data-item="${link.fromId}"]`)?.getBoundingClientRect()
        const to = container.querySelector<HTMLElement>(`[data-item="${link.toId}"]`)?.getBoundingClientRect()
        if (!from || !to) continue
        const label = `${link.status === 'proposed' ? 'proposed: ' : ''}${relationLabel(link.relation, 'from')}`
        const proposed = link.status === 'proposed'
        // Both cards in one lane: a bracket beside them, on the side that faces the dates column,
        // so the curve never crosses a card's text.
        if (from.left < to.right && to.left < from.right) {
          const inner = (from.left + from.right) / 2 < box.left + box.width / 2 ? 'right' : 'left'
          const xf = (inner === 'right' ? from.right : from.left) - box.left
          const xt = (inner === 'right' ? to.right : to.left) - box.left
          const yf = from.top + from.height / 2 - box.top
          const yt = to.top + to.height / 2 - box.top
          const out = inner === 'right' ? 28 : -28
          drawn.push({
            id: link.id,
            fromId: link.fromId,
            toId: link.toId,
            d: `M ${xf} ${yf} C ${xf + out} ${yf}, ${xt + out} ${yt}, ${xt} ${yt}`,
            x: xf + (inner === 'right' ? 6 : -6),
            y: yf - 7,
            anchor: inner === 'right' ? 'start' : 'end',
            label,
            pointsLeft: false,
            proposed,
          })
          continue
        }
        // Join the facing edges of the two cards: whichever is further left connects from its right edge.
        const [left, right] = from.left <= to.left ? [from, to] : [to, from]
        const x1 = left.right - box.left
        const y1 = left.top + left.height / 2 - box.top
        const x2 = right.left - box.left
        const y2 = right.top + right.height / 2 - box.top
        const bend = Math.max(24, (x2 - x1) / 2)
        // The label sits beside the answering claim, where the curve leaves it: the middle of the
        // curve crosses the date column and would cover the dates.
        const pointsLeft = from.left > to.left
        drawn.push({
          id: link.id,
          fromId: link.fromId,
          toId: link.toId,
          d: `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`,
          x: pointsLeft ? x2 - 6 : x1 + 6,
          y: (pointsLeft ? y2 : y1) - 7,
          anchor: pointsLeft ? 'end' : 'start',
          label,
          pointsLeft,
          proposed,
        })
      }
      setPaths(drawn)
    }
    const schedule = () => {
      cancelAnimationFrame(frame.current)
      frame.current = requestAnimationFrame(measure)
    }
    schedule()
    const observer = new ResizeObserver(schedule)
    observer.observe(container)
    return () => {
      observer.disconnect()
      cancelAnimationFrame(frame.current)
    }
  }, [links, containerId])

  return (
    <svg className="tl-connectors" width={size.width} height={size.height} aria-hidden="true">
      <defs>
        <marker id="tl-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" />
        </marker>
      </defs>
      {paths.map((p) => (
        <g key={p.id} className={p.proposed ? 'tl-link proposed' : 'tl-link'} data-from={p.fromId} data-to={p.toId}>
          <path d={p.d} markerEnd={p.pointsLeft ? undefined : 'url(#tl-arrow)'} markerStart={p.pointsLeft ? 'url(#tl-arrow)' : undefined} />
          <text x={p.x} y={p.y} textAnchor={p.anchor}>
            {p.label}
          </text>
        </g>
      ))}
    </svg>
  )
}
