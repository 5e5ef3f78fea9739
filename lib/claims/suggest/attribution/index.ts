// Who is credited with which words: direct quotations with their frames, reported speech after a
// cue verb, inverted attributions ("…, the company said."), "according to", hearsay adverbs,
// passive charges ("X was accused of …"), cues with a noun-phrase object ("denied any
// wrongdoing"), and charges named by a noun ("drew criticism", "denied accusations of …"). Works
// on tokens (../text.ts) with the cue lexicon (../lexicon.ts); each rule looks at a bounded window
// around one cue, so the whole pass is linear in the text.
//
// One class per job, each extending the one before so that it can use the readings below it:
// reader.ts (tokens, spans, emit) → cues.ts → sources.ts → clauses.ts, then the rule families
// quotations.ts → stances.ts → reported.ts → cue-frames.ts (a cue's frame hands "denied
// accusations of …" on to the charges in stances.ts). Word lists that several modules read are in
// words.ts; the others sit beside the code that reads them.
import type { Sentence } from '../text'
import { CueFrames } from './cue-frames'
import type { Attribution } from './reader'

export type { Attribution } from './reader'

export class AttributionFinder extends CueFrames {
  run(): Attribution[] {
    this.quoteAttributions()
    for (const s of this.doc.sentences) this.sentenceAttributions(s)
    return this.found
  }

  private sentenceAttributions(s: Sentence): void {
    this.speakerLabel(s)
    this.accordingTo(s)
    this.inPoll(s)
    this.referringTo(s)
    for (let i = s.first; i <= s.last; i++) {
      const cue = this.cueAt(i, s)
      if (!cue || this.usedCues.has(i)) continue
      this.fromCue(i, cue, s)
    }
    this.hearsay(s)
    this.nominalCharges(s)
    this.nounThat(s)
    this.adjectiveStance(s)
    this.stanceNouns(s)
    this.phrasalTopics(s)
  }
}
