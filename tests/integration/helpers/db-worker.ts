// A separate process that opens a database and writes rows, printing "ack <n>" after each
// write has committed. Used to test ownership of the embedded database and durability
// across a hard kill.  usage: db-worker.ts <DATABASE_URL> <name prefix> <count | forever>
import { createInterface } from 'node:readline'
import { parseDatabaseUrl } from '../../../lib/database/config'
import { openDatabase } from '../../../lib/database/connect'
import { createPrismaClient } from '../../../lib/db'

const [url, prefix, countArg] = process.argv.slice(2)
const config = parseDatabaseUrl(url)
const database = await openDatabase(config)
const prisma = createPrismaClient(config, database.adapter)
let stopping = false
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'stop') stopping = true
})
console.log(`ready ${database.role}`)

const count = countArg === 'forever' ? Number.POSITIVE_INFINITY : Number(countArg)
for (let i = 0; i < count && !stopping; i++) {
  await prisma.outlet.create({ data: { name: `${prefix}-${i}` } })
  console.log(`ack ${i}`)
}
console.log('done')
while (!stopping) await new Promise((resolve) => setTimeout(resolve, 20))
await prisma.$disconnect()
await database.close()
console.log('closed')
process.exit(0)
