// Imported first by every entry point (npm start, npm test, the claimline CLI): modules are
// evaluated in import order, so this runs before Prisma or anything else that an old Node
// would fail on with a less helpful error.
import { unsupportedNodeMessage } from './node-version'

const message = unsupportedNodeMessage(process.versions.node)
if (message) {
  console.error(message)
  process.exit(1)
}
