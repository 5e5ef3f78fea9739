// What must run before a command-line process exits (closing the database lets an embedded
// owner release its lock and socket). Whatever opens such a resource registers its closer
// here, so the exit path need not import the resource's heavy modules just to close them.
const closers = new Set<() => Promise<void>>()

export function onShutdown(close: () => Promise<void>): void {
  closers.add(close)
}

export async function shutdown(): Promise<void> {
  const pending = [...closers]
  closers.clear()
  await Promise.all(pending.map((close) => close()))
}
