// Which Node.js releases Claimline runs on. Prisma 7.10 needs `^20.19 || ^22.12 || >=24`;
// jsdom 29 (benchmarks) and eslint's visitor keys need 22.13 on the 22 line. Older releases
// fail deep inside a dependency with an unrelated-looking error, so every entry point checks
// first and says this instead. package.json's `engines` states the same range (a unit test
// keeps them equal).
export const SUPPORTED_NODE = '^20.19 || ^22.13 || >=24'

// Oldest supported minor per major line; a major absent here (21, 23, 19…) is unsupported,
// and every major from 24 on is supported.
const MINIMUM_MINOR: Record<number, number> = { 20: 19, 22: 13 }
const OPEN_FROM_MAJOR = 24

export function isSupportedNode(version: string): boolean {
  const match = /^v?(\d+)\.(\d+)\./.exec(version)
  if (!match) return false
  const major = Number(match[1])
  const minor = Number(match[2])
  if (major >= OPEN_FROM_MAJOR) return true
  const minimum = MINIMUM_MINOR[major]
  return minimum !== undefined && minor >= minimum
}

// The one message an unsupported Node gets, or null when this one is fine.
export function unsupportedNodeMessage(version: string): string | null {
  if (isSupportedNode(version)) return null
  return `Claimline needs Node.js 20.19 or newer on the 20 line, 22.13 or newer on the 22 line, or 24 and later (${SUPPORTED_NODE}); this is Node.js ${version}. Install a supported Node.js and run the command again.`
}
