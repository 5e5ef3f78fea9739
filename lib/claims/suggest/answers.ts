// Answer links: for each company statement or denial, the allegation or report in the same
// article that it answers. Filled in by proposeAnswers.
import type { Suggestion } from './types'

export function proposeAnswers(suggestions: Suggestion[]): void {
  void suggestions
}
