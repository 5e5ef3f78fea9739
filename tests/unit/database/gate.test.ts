import { expect, test } from 'vitest'
import { Gate } from '@/lib/database/gate'

test('runs holders one at a time, in arrival order', async () => {
  const gate = new Gate()
  const events: string[] = []
  const task = (name: string, ms: number) =>
    gate.run(async () => {
      events.push(`${name}:start`)
      await new Promise((resolve) => setTimeout(resolve, ms))
      events.push(`${name}:end`)
    })
  await Promise.all([task('a', 20), task('b', 1), task('c', 5)])
  expect(events).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end'])
})

test('releases the gate when the holder throws', async () => {
  const gate = new Gate()
  await expect(gate.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
  await expect(gate.run(async () => 'next')).resolves.toBe('next')
})

test('a release function works once only', async () => {
  const gate = new Gate()
  const release = await gate.acquire()
  const second = gate.acquire()
  await new Promise((resolve) => setTimeout(resolve, 5))
  expect(gate.waiting).toBe(1)
  release()
  release() // must not let a third holder in alongside the second
  const releaseSecond = await second
  let thirdIn = false
  const third = gate.acquire().then((r) => {
    thirdIn = true
    return r
  })
  await new Promise((resolve) => setTimeout(resolve, 5))
  expect(thirdIn).toBe(false)
  releaseSecond()
  ;(await third)()
})

test('a caller looping on the gate does not starve I/O callbacks', async () => {
  const gate = new Gate()
  let timerFired = false
  setTimeout(() => (timerFired = true), 0)
  let rounds = 0
  while (!timerFired && rounds < 10_000) {
    await gate.run(async () => rounds++) // resolves on microtasks only
  }
  expect(timerFired).toBe(true)
})

test('background waiters are let in after every foreground waiter, each lane in arrival order', async () => {
  const gate = new Gate()
  const order: string[] = []
  const release = await gate.acquire()
  const wait = (name: string, lane: 'foreground' | 'background') =>
    gate.acquire(lane).then((done) => {
      order.push(name)
      done()
    })
  const waiting = [wait('job 1', 'background'), wait('job 2', 'background'), wait('page 1', 'foreground'), wait('page 2', 'foreground')]
  await new Promise((resolve) => setTimeout(resolve, 5))
  expect(gate.waiting).toBe(4)
  release()
  await Promise.all(waiting)
  expect(order).toEqual(['page 1', 'page 2', 'job 1', 'job 2'])
})

test('background work gets the gate at once when nothing else wants it', async () => {
  const gate = new Gate()
  const release = await gate.acquire('background')
  expect(gate.waiting).toBe(0)
  release()
  await expect(gate.run(async () => 'after')).resolves.toBe('after')
})

test('background work waits until the pages have been quiet for a moment', async () => {
  const gate = new Gate({ quietMs: 40, maxDeferMs: 10_000 })
  await gate.run(async () => 'page')
  const asked = performance.now()
  ;(await gate.acquire('background'))()
  expect(performance.now() - asked).toBeGreaterThanOrEqual(30)
})

test('background work gets in within its longest deferral even when pages never pause', async () => {
  const gate = new Gate({ quietMs: 1_000, maxDeferMs: 60 })
  let pages = true
  const busyPages = (async () => {
    while (pages) await gate.run(() => new Promise((resolve) => setTimeout(resolve, 2)))
  })()
  await new Promise((resolve) => setTimeout(resolve, 10))
  const asked = performance.now()
  ;(await gate.acquire('background'))()
  const waited = performance.now() - asked
  pages = false
  await busyPages
  expect(waited).toBeGreaterThanOrEqual(50)
  expect(waited).toBeLessThan(900)
})
