// npm run build
import { buildApp } from './lib/build'

try {
  buildApp()
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}
