// A progress line on a terminal (redrawn in place), one line per item elsewhere (logs, CI).
// `grow` raises the total when an item turns out to be many (a feed).
export type Progress = { tick(label: string): void; grow(by: number): void; done(): void }

export function progress(initialTotal: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  let count = 0
  let total = initialTotal
  const width = 24
  return {
    tick(label) {
      count++
      if (!stream.isTTY) {
        stream.write(`[${count}/${total}] ${label}\n`)
        return
      }
      const filled = total === 0 ? width : Math.round((count / total) * width)
      const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${count}/${total} ${label}`
      stream.write(`\r${line.slice(0, (stream.columns || 80) - 1).padEnd((stream.columns || 80) - 1)}`)
    },
    grow(by) {
      total += by
    },
    done() {
      if (stream.isTTY) stream.write('\n')
    },
  }
}
