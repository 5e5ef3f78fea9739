import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import { isSupportedNode, SUPPORTED_NODE, unsupportedNodeMessage } from '@/lib/runtime/node-version'

const root = path.resolve(import.meta.dirname, '..', '..', '..')

test('supported: 20.19+, 22.13+, every release from 24 on', () => {
  for (const version of ['20.19.0', 'v20.19.5', '20.20.2', '22.13.0', '22.22.1', '24.0.0', '25.3.1', '30.0.0']) {
    expect(isSupportedNode(version), version).toBe(true)
  }
})

test('unsupported: older 20s and 22s, the odd lines 21 and 23, anything before 20, nonsense', () => {
  for (const version of ['20.9.0', '20.18.3', '22.12.0', '22.0.0', '21.7.3', '23.11.0', '18.20.4', '19.9.0', '', 'latest']) {
    expect(isSupportedNode(version), version).toBe(false)
  }
})

test('the message names the version found and what is needed', () => {
  expect(unsupportedNodeMessage('22.13.0')).toBeNull()
  const message = unsupportedNodeMessage('20.9.0')
  expect(message).toContain('Node.js 20.9.0')
  expect(message).toContain('20.19')
  expect(message).toContain(SUPPORTED_NODE)
})

test('package.json engines states the range the check enforces', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines?: { node?: string } }
  expect(pkg.engines?.node).toBe(SUPPORTED_NODE)
})

test('on an older Node the check prints one line to stderr and exits 1', () => {
  const fakeOldNode = `Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '20.9.0' } }); await import(${JSON.stringify(path.join(root, 'lib', 'runtime', 'require-supported-node.ts'))}); console.log('went on')`
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', fakeOldNode], { cwd: root, encoding: 'utf8' })
  expect(result.status).toBe(1)
  expect(result.stdout).toBe('')
  expect(result.stderr.trim().split('\n')).toEqual([unsupportedNodeMessage('20.9.0')])
})

// Modules evaluate in import order: the check must come before anything an old Node fails on.
test('npm start, npm test and the claimline CLI (compiled and from source) import the check first', () => {
  for (const entry of ['scripts/start.ts', 'scripts/test.ts', 'lib/cli/bin.ts', 'lib/cli/main.ts']) {
    const firstImport = /^import\s.*$/m.exec(readFileSync(path.join(root, entry), 'utf8'))?.[0]
    expect(firstImport, entry).toMatch(/^import '[./]+(lib\/)?runtime\/require-supported-node'$/)
  }
})
