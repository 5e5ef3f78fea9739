// Where a split of PolNeAR (github:networkdynamics/PolNeAR) lives under $POLNEAR_DIR: a copy of
// the repository (data/<split>/) or of its data/ folder (<split>/), as eval:suggest reads it.
// Only train and dev are ever named: the test split is the held-out measure nobody here opens.
import { existsSync } from 'node:fs'
import path from 'node:path'

export const POLNEAR_VARIABLE = 'POLNEAR_DIR'

export type PolnearSplit = 'train' | 'dev'

export function polnearSplitDir(root: string, split: PolnearSplit): string | null {
  for (const dir of [path.join(root, 'data', split), path.join(root, split)]) if (existsSync(path.join(dir, 'text'))) return dir
  return null
}
