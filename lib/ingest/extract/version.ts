import { NORMALIZATION_VERSION } from '../../text/normalize'

// Stored on every article. Bumped whenever an extractor changes what it produces for the
// same input, so `claimline reextract` knows which articles are stale.
export const EXTRACTOR_VERSION = `1.6+n${NORMALIZATION_VERSION}`
