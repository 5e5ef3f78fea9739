// The floor plan of lib/ (README, Architecture): its folders import each other in one direction,
// so each can be read, tested and changed knowing only the ones below it. The graph is read from
// the source: every import, export-from and import() of a lib/ file, type-only ones included (a
// type is still something a reader of the importing file must know).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { expect, test } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const LIB = path.join(ROOT, 'lib')
const GENERATED = path.join(LIB, 'generated')

// The bottom of the stack (STYLE.md, "Layers import downward only"): the database and its client,
// the queries, the stored-text model and anchoring import none of the domain above them, only
// each other and these leaf helpers.
const BOTTOM = ['queries', 'db.ts', 'database', 'text', 'anchoring']
const LEAF_HELPERS = ['dates', 'env.ts', 'errors.ts', 'ids.ts', 'runtime', 'urls.ts']

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    if (file === GENERATED) return []
    if (statSync(file).isDirectory()) return sourceFiles(file)
    return /\.tsx?$/.test(name) ? [file] : []
  })
}

function resolveImport(from: string, specifier: string): string | null {
  let base: string
  if (specifier.startsWith('@/')) base = path.join(ROOT, specifier.slice(2))
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier)
  else return null
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate
    } catch {
      // Not this form of the path; the next one may be.
    }
  }
  return null
}

// A folder of lib/ (lib/ingest/extract/html/parse.ts → "ingest"), or a file at its top ("db.ts").
function moduleOf(file: string): string {
  return path.relative(LIB, file).split(path.sep)[0] ?? file
}

type Edge = { from: string; to: string; files: string[] }

// `unit` names the node a file belongs to: its folder of lib/ (moduleOf), or the file itself.
function importGraph(unit: (file: string) => string): Map<string, Map<string, Edge>> {
  const graph = new Map<string, Map<string, Edge>>()
  for (const file of sourceFiles(LIB)) {
    const from = unit(file)
    if (!graph.has(from)) graph.set(from, new Map())
    for (const imported of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      const target = resolveImport(file, imported.fileName)
      if (!target || !target.startsWith(LIB + path.sep) || target.startsWith(GENERATED + path.sep)) continue
      const to = unit(target)
      if (to === from) continue
      const edges = graph.get(from)!
      const edge = edges.get(to) ?? { from, to, files: [] }
      edge.files.push(`${path.relative(ROOT, file)} → ${path.relative(ROOT, target)}`)
      edges.set(to, edge)
    }
  }
  return graph
}

// Strongly connected components of more than one module (Tarjan): each is a set of folders that
// reach each other, so none of them can be understood without the rest.
function knots(graph: Map<string, Map<string, Edge>>): string[][] {
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (node: string) => {
    index.set(node, next)
    low.set(node, next++)
    stack.push(node)
    onStack.add(node)
    for (const to of graph.get(node)?.keys() ?? []) {
      if (!index.has(to)) {
        visit(to)
        low.set(node, Math.min(low.get(node)!, low.get(to)!))
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!))
    }
    if (low.get(node) !== index.get(node)) return
    const component: string[] = []
    let member: string | undefined
    do {
      member = stack.pop()!
      onStack.delete(member)
      component.push(member)
    } while (member !== node)
    if (component.length > 1) found.push(component.sort())
  }
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node)
  return found
}

// Each import that closes a knot, with the first file that makes it, so that the failure says
// which line to move.
function describeKnot(graph: Map<string, Map<string, Edge>>, knot: string[]): string {
  const edges = knot.flatMap((from) => [...(graph.get(from)?.values() ?? [])].filter((edge) => knot.includes(edge.to)))
  return [`${knot.join(', ')}:`, ...edges.map((edge) => `  ${edge.from} → ${edge.to} (${edge.files.length}: ${edge.files[0]})`)].join('\n')
}

const graph = importGraph(moduleOf)

test('the graph is read: lib has its folders and they import each other', () => {
  expect([...graph.keys()]).toEqual(expect.arrayContaining(['queries', 'db.ts', 'database', 'ingest', 'claims']))
  expect(graph.get('claims')?.has('queries')).toBe(true)
})

test("no import cycle among lib's folders", () => {
  expect(knots(graph).map((knot) => describeKnot(graph, knot))).toEqual([])
})

// Inside a folder too: two files that import each other are one file split in two, and a
// reader cannot start with either.
test('no import cycle among the files of a folder', () => {
  const files = importGraph((file) => path.relative(LIB, file))
  expect(knots(files).map((knot) => describeKnot(files, knot))).toEqual([])
})

test('the bottom layers import none of the domain above them', () => {
  const allowed = new Set([...BOTTOM, ...LEAF_HELPERS])
  const upward = BOTTOM.flatMap((from) =>
    [...(graph.get(from)?.values() ?? [])].filter((edge) => !allowed.has(edge.to)).map((edge) => `${from} → ${edge.to} (${edge.files[0]})`),
  )
  expect(upward).toEqual([])
})

test('the check finds a knot when there is one', () => {
  const edge = (from: string, to: string): [string, Edge] => [to, { from, to, files: [`${from}.ts → ${to}.ts`] }]
  const sample = new Map([
    ['a', new Map([edge('a', 'b')])],
    ['b', new Map([edge('b', 'c')])],
    ['c', new Map([edge('c', 'a'), edge('c', 'd')])],
    ['d', new Map<string, Edge>()],
  ])
  expect(knots(sample)).toEqual([['a', 'b', 'c']])
  expect(describeKnot(sample, ['a', 'b', 'c'])).toContain('c → a (1: c.ts → a.ts)')
})
