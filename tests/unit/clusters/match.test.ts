// The claim matcher on real pairs: the seed articles' labels (prisma/demo/seeds.gold.json) and the
// dev pairs of tests/fixtures/clusters/pairs.json (words of real coverage), and the near-misses
// that must never merge: another company, a denial and what it denies, another figure, another
// inquiry, a speaker who condemns what the other reports, stock non-answers.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from 'vitest'
import type { ClaimKind } from '@/lib/claims/kinds'
import { claimSimilarity, sameClaim, SAME_CLAIM_THRESHOLD, type MatchableClaim } from '@/lib/claims/clusters/match'

type GoldClaim = { kind: ClaimKind; exact: string }
const gold = JSON.parse(readFileSync(path.join('prisma', 'demo', 'seeds.gold.json'), 'utf8')) as { articles: { file: string; claims: GoldClaim[] }[] }
const seedClaims = (prefix: string) => gold.articles.find((a) => a.file.startsWith(prefix))!.claims
const reuters = seedClaims('004_')
const itnews = seedClaims('000_')

const MICROSOFT = ['Microsoft', 'Microsoft Corp', 'Microsoft Corporation']
const WEWORK = ['WeWork', 'The We Company', 'We Company']

function claim(quote: string, kind: ClaimKind, subjectId = 'microsoft', subjectNames: readonly string[] = MICROSOFT): MatchableClaim {
  return { quote, kind, subjectId, subjectNames }
}
const seed = (c: GoldClaim) => claim(c.exact, c.kind)
const find = (claims: GoldClaim[], words: string) => claims.find((c) => c.exact.includes(words))!
const wework = (quote: string, kind: ClaimKind) => claim(quote, kind, 'wework', WEWORK)
const acme = (quote: string, kind: ClaimKind) => claim(quote, kind, 'acme', ['Acme', 'Acme Corp'])

test('the PRISM "direct access" allegation as Reuters and iTnews carry it is one claim', () => {
  const tapping = seed(find(reuters, 'tapping directly into the central servers'))
  const directAccess = seed(find(itnews, 'direct access'))
  expect(sameClaim(tapping, directAccess)).toBe(true)
})

// Reuters' ten-word lede names nothing, and shares with either iTnews allegation only the
// story's background ("US security agencies"). Matching it to the "direct access" one would
// also match it to the Outlook one, so it matches neither: a duplicate card rather than a
// hidden allegation.
test('a lede that names nothing does not join a claim that names what it is about', () => {
  const lede = seed(find(reuters, 'had access to its central servers'))
  expect(sameClaim(lede, seed(find(itnews, 'circumvent encryption of Outlook emails')))).toBe(false)
})

test('the same company position in two outlets is one claim', () => {
  const reutersPosition = seed(find(reuters, 'only when it receives a legally binding order'))
  const itnewsPosition = seed(find(itnews, 'only pulls and then provides the specific data'))
  expect(sameClaim(reutersPosition, itnewsPosition)).toBe(true)
})

test('another allegation in the same story stays apart (Outlook encryption is not PRISM direct access)', () => {
  const outlook = seed(find(itnews, 'circumvent encryption of Outlook emails'))
  expect(sameClaim(seed(find(reuters, 'tapping directly into the central servers')), outlook)).toBe(false)
})

test('a denial never joins the allegation it denies', () => {
  const allegation = seed(find(reuters, 'tapping directly into the central servers'))
  const denial = seed(find(itnews, 'does not provide any government with direct and unfettered access'))
  expect(claimSimilarity(allegation, denial)).toBe(0)
  expect(claimSimilarity(seed(find(itnews, 'direct access')), denial)).toBe(0)
})

test('the same words negated are another statement: "provides data" is not "does not provide data"', () => {
  const provides = acme('Acme provides customer data to the government when a court orders it', 'statement')
  const doesNot = acme('Acme does not provide customer data to the government when a court orders it', 'denial')
  expect(sameClaim(provides, doesNot)).toBe(false)
  expect(claimSimilarity(provides, doesNot)).toBeLessThan(
    claimSimilarity(provides, acme('Acme provides customer data to the government when a court orders it to', 'statement')),
  )
  // Brad Smith's denial against Microsoft's statement of what it does provide
  const statement = seed(find(reuters, 'only when it receives a legally binding order'))
  expect(sameClaim(statement, seed(find(itnews, 'does not provide any government with direct and unfettered access')))).toBe(false)
})

test('"has yet to endorse" is not "endorsed"', () => {
  expect(
    sameClaim(acme('the union endorsed the merger of the two papers', 'report'), acme('the union has yet to endorse the merger of the two papers', 'report')),
  ).toBe(false)
})

test('the same words about another company never match', () => {
  const quote = 'the company is being investigated by the New York State Attorney General over self-dealing'
  expect(claimSimilarity(wework(quote, 'allegation'), claim(quote, 'allegation', 'uber', ['Uber']))).toBe(0)
  expect(claimSimilarity(wework(quote, 'allegation'), wework(quote, 'allegation'))).toBeGreaterThanOrEqual(SAME_CLAIM_THRESHOLD)
})

test('WeWork: the attorney general inquiry as Reuters and Business Insider report it is one claim; the SEC inquiry is another', () => {
  const ag = wework('WeWork is reportedly being investigated by the New York State Attorney General', 'report')
  const agAgain = wework('The New York state attorney general is investigating WeWork amid layoffs', 'report')
  const sec = wework(
    'WeWork is the subject of a U.S. Securities and Exchange Commission inquiry into potential rule violations related to its cancelled IPO',
    'allegation',
  )
  expect(sameClaim(ag, agAgain)).toBe(true)
  expect(sameClaim(sec, agAgain)).toBe(false)
  // the inquiry's focus, paraphrased
  const selfDealing = wework('the NYAG’s questions include if WeWork founder and former CEO Adam Neumann engaged in self-dealing', 'allegation')
  expect(sameClaim(selfDealing, wework("will reportedly focus on activities by WeWork's founder and former CEO, Adam Neumann", 'report'))).toBe(true)
  // the same founder, another allegation
  expect(sameClaim(selfDealing, wework('Adam Neumann can still influence the company through its board', 'report'))).toBe(false)
})

test('different figures are different claims; one figure written two ways is not', () => {
  expect(sameClaim(acme('Acme was fined $5m over the data leak', 'report'), acme('Acme was fined $50m over the data leak', 'report'))).toBe(false)
  expect(sameClaim(acme('Acme was fined $5m over the data leak', 'report'), acme('Acme was fined 5 million dollars over the data leak', 'report'))).toBe(true)
  expect(
    sameClaim(
      wework('more than 4,000 people are expected to receive notice in the coming weeks', 'report'),
      wework('4,000 people are expected to receive notice soon', 'report'),
    ),
  ).toBe(true)
})

test('a speaker who condemns a plan does not say what the plan says', () => {
  const plan = acme('Acme plans to close its Ohio plant and move the work to Mexico', 'report')
  const condemned = acme('condemned Acme’s plan to close its Ohio plant and move the work to Mexico', 'allegation')
  expect(sameClaim(plan, condemned)).toBe(false)
  expect(sameClaim(condemned, acme('denounced the plan to close the Ohio plant and move the work to Mexico', 'allegation'))).toBe(true)
})

test('a place shared is not a claim shared', () => {
  expect(sameClaim(acme('Acme will open a new office in South Carolina', 'report'), acme('Acme workers lost a union vote in South Carolina', 'report'))).toBe(
    false,
  )
})

test('stock non-answers in two articles are two non-answers, not one claim', () => {
  expect(claimSimilarity(wework('declined to comment', 'statement'), wework('declined to comment', 'statement'))).toBe(0)
  expect(claimSimilarity(claim('denied wrongdoing', 'denial'), claim('denied any wrongdoing', 'denial'))).toBe(0)
  expect(
    claimSimilarity(claim('did not immediately respond to a request for comment', 'statement'), claim('did not respond to requests for comment', 'statement')),
  ).toBe(0)
})

test('the National Security Agency is the NSA, and an outlet’s date words do not count', () => {
  expect(
    sameClaim(claim('the National Security Agency had access to customer emails', 'allegation'), claim('the NSA had access to customer emails', 'allegation')),
  ).toBe(true)
  expect(
    claimSimilarity(acme('Acme said on Thursday it would cut 4,000 jobs', 'statement'), acme('Acme said on Friday it would cut 4,000 jobs', 'statement')),
  ).toBe(1)
})

// Outlets transcribe one quote with different punctuation: the dash that ends a negation's reach
// in one copy is missing in the other.
test('one quote punctuated two ways is one statement; "declined to comment, saying it gives" is not "does not give"', () => {
  expect(
    sameClaim(
      claim('we have never - and will never - give any government direct access to customer emails', 'statement'),
      claim('we have never and will never give any government direct access to customer emails', 'statement'),
    ),
  ).toBe(true)
  const doesNot = claim('does not give the government direct access to customer emails', 'denial')
  expect(
    sameClaim(claim('declined to comment, saying it gives the government direct access to customer emails only with a warrant', 'statement'), doesNot),
  ).toBe(false)
  expect(sameClaim(claim('gives the government direct access to customer emails', 'statement'), doesNot)).toBe(false)
})

// "The New York Attorney General" is one thing, not four: a copy that leaves out who subpoenaed
// says the same; two inquiries by two different bodies are not one claim.
test('a name of several words is one thing: a copy without it is the same claim, another body is another claim', () => {
  const ag = wework('the New York Attorney General subpoenaed records of loans WeWork made to its founder', 'report')
  expect(sameClaim(ag, wework('records of loans WeWork made to its founder were subpoenaed', 'report'))).toBe(true)
  expect(
    sameClaim(
      wework('the Securities and Exchange Commission is looking into loans WeWork made to its founder', 'report'),
      wework('the New York Attorney General is looking into loans WeWork made to its founder', 'report'),
    ),
  ).toBe(false)
  expect(sameClaim(ag, wework('records of loans WeWork made to its founder were subpoenaed by the SEC', 'report'))).toBe(false)
  // the body named by its acronym is still the same body
  expect(
    sameClaim(
      wework('the Securities and Exchange Commission is looking into loans WeWork made to its founder', 'report'),
      wework('the SEC is looking into loans WeWork made to its founder', 'report'),
    ),
  ).toBe(true)
})

test('a place and its people are one name: "between Norvians and Kesterans" / "between Norvia and the Kesterans"', () => {
  expect(
    sameClaim(
      acme('Acme wants to be an impartial mediator between Norvians and Kesterans', 'report'),
      acme('Acme promised to be impartial in talks between Norvia and the Kesterans', 'report'),
    ),
  ).toBe(true)
})

test('"if she doesn’t she should resign" asks for the resignation that "called for her to resign" reports', () => {
  expect(
    sameClaim(
      acme('Will the Acme chairwoman at last own up that the chemical leak was her fault? If she doesn’t she should resign at once', 'allegation'),
      acme('called again for the Acme chairwoman to resign for not admitting the Ohio plant’s chemical leak was her fault', 'allegation'),
    ),
  ).toBe(true)
})
