// Invented news stories about the synthetic archive's companies, for the followed-feed benchmark's
// article pages: a headline, a standfirst and five to eight paragraphs in the shapes the
// suggestion engine looks for (an allegation with its source, a company's statement or denial
// in quotes, a regulator's reaction) between paragraphs of context. Every sentence is filled
// from its own random draw (places, figures, names, topics), so no two stories share a
// paragraph and the ingest's duplicate checks find nothing to merge. Written here, from
// templates; no third-party text.
import { pick } from './random'

export type NewsSubject = { company: string; people: string[] }
export type NewsStory = { headline: string; standfirst: string; paragraphs: string[]; author: string }

const TOPICS = [
  'battery recycling',
  'its pension scheme',
  'the northern pipeline',
  'a cloud contract with the city',
  'the planned merger',
  'clinical trials in three countries',
  'pay for delivery drivers',
  'its customer privacy policy',
  'last spring’s data breach',
  'the recall of its older models',
  'water use at its plants',
  'overtime at its warehouses',
  'a tax arrangement abroad',
  'its carbon offsets',
  'the closure of a call centre',
]
const PLACES = ['Leeds', 'Rotterdam', 'Lyon', 'Porto', 'Gdansk', 'Tampere', 'Bilbao', 'Graz', 'Aarhus', 'Cork', 'Brno', 'Turin', 'Malmö', 'Ghent']
const REGULATORS = [
  'the Financial Conduct Authority',
  'the Competition Commission',
  'the Environment Agency',
  'the Data Protection Office',
  'the Health and Safety Executive',
  'the Labour Inspectorate',
]
const FIRST = ['Hannah', 'Rafael', 'Mei', 'Tobias', 'Noor', 'Felix', 'Irene', 'Kwame', 'Sofia', 'Anders', 'Leila', 'Marco', 'Ruth', 'Yusuf']
const LAST = ['Brennan', 'Ortega', 'Lindqvist', 'Mensah', 'Novak', 'Farouk', 'Castell', 'Iwasaki', 'Dunmore', 'Petrov', 'Quinlan', 'Varga']
const ROLES = ['a former manager', 'a union representative', 'an analyst at a City brokerage', 'a shareholder', 'a former engineer', 'a local councillor']
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']

const ALLEGATIONS = [
  '{company} ignored {n} internal warnings about {topic}, according to documents seen by this newspaper',
  '{company} misled investors about {topic} in at least {n} filings, according to people familiar with the matter',
  '{company} paid {n} million to settle complaints over {topic} without telling its auditors, internal emails show',
  '{company} underreported problems with {topic} at its {place} site by {n} per cent, a leaked audit found',
  '{company} pressured {n} employees in {place} to sign away their rights over {topic}, according to staff who spoke on condition of anonymity',
  '{company} shared data on {topic} with {n} outside partners without consent, according to a complaint filed in {place}',
]
const STATEMENTS = [
  '“We take {topic} extremely seriously and will invest {n} million over the next two years,” said {person}, a spokesperson for {company}.',
  '“Our work on {topic} has always met the law and our own standards,” {person} of {company} said in a statement on {weekday}.',
  '{company} said it would publish an independent review of {topic} within {n} weeks.',
  '“We are cooperating fully with {regulator} on {topic},” {person}, who leads {company}’s {place} operations, told reporters.',
]
const DENIALS = [
  '{company} denied the allegations. “The claims about {topic} are false and we reject them entirely,” {person} said.',
  '“At no time did {company} hide anything about {topic} from anyone,” {person} said, calling the figure of {n} “simply wrong”.',
  '{person}, speaking for {company}, said the company had never received the {n} warnings described.',
]
const REACTIONS = [
  '{regulator} said on {weekday} that it was “aware of the reports” about {topic} and would examine them.',
  '“If this is true, {n} families in {place} deserve an explanation,” said {outsider}, {role}.',
  'Shares in {company} fell {n} per cent in early trading in {place} after the report was published.',
  '{outsider}, {role}, said the problems with {topic} had been discussed inside the company for at least {n} months.',
]
const CONTEXT = [
  '{company} employs about {n},000 people, {m},000 of them in and around {place}.',
  'The company has faced questions over {topic} before: a review in {year} found {n} cases that had not been reported.',
  'Talks between {company} and the council in {place} over {topic} are due to resume on {weekday}.',
  'The {place} site opened in {year} and handles roughly a {fraction} of the company’s output.',
  '{company}’s annual report, published in {year}, mentions {topic} {n} times but gives no figures.',
  'Campaigners in {place} have collected {n},000 signatures calling for an inquiry into {topic}.',
]
const HEADLINES = [
  '{company} accused of hiding {topic} problems',
  'Questions mount over {company} and {topic}',
  '{company} denies {place} claims over {topic}',
  'Inside {company}’s {n}-month fight over {topic}',
  '{regulatorShort} looks at {company} after {topic} report',
]
const FRACTIONS = ['tenth', 'fifth', 'quarter', 'third']

function personName(rnd: () => number): string {
  return `${pick(rnd, FIRST)} ${pick(rnd, LAST)}`
}

function fill(rnd: () => number, template: string, subject: NewsSubject, topic: string, place: string): string {
  const speaker = subject.people.length > 0 ? pick(rnd, subject.people) : personName(rnd)
  const regulator = pick(rnd, REGULATORS)
  return template
    .replaceAll('{company}', subject.company)
    .replaceAll('{topic}', topic)
    .replaceAll('{place}', place)
    .replaceAll('{person}', speaker)
    .replaceAll('{regulatorShort}', regulator.replace(/^the /, ''))
    .replaceAll('{regulator}', regulator)
    .replaceAll('{outsider}', personName(rnd))
    .replaceAll('{role}', pick(rnd, ROLES))
    .replaceAll('{weekday}', pick(rnd, WEEKDAYS))
    .replaceAll('{fraction}', pick(rnd, FRACTIONS))
    .replaceAll('{year}', String(2009 + Math.floor(rnd() * 16)))
    .replaceAll('{m}', String(1 + Math.floor(rnd() * 9)))
    .replaceAll('{n}', String(3 + Math.floor(rnd() * 480)))
}

const capitalise = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`

// One story about `subject`; `rnd` is the story's own seeded generator, so the same story is
// served every time its page is asked for.
export function newsStory(rnd: () => number, subject: NewsSubject): NewsStory {
  const topic = pick(rnd, TOPICS)
  const place = pick(rnd, PLACES)
  const f = (template: string) => fill(rnd, template, subject, topic, place)
  const allegation = `${f(pick(rnd, ALLEGATIONS))}.`
  const paragraphs = [
    allegation,
    f(pick(rnd, CONTEXT)),
    f(pick(rnd, rnd() < 0.5 ? DENIALS : STATEMENTS)),
    f(pick(rnd, REACTIONS)),
    f(pick(rnd, CONTEXT)),
    ...Array.from({ length: Math.floor(rnd() * 4) }, () => f(pick(rnd, [...REACTIONS, ...CONTEXT, ...STATEMENTS]))),
  ]
  return {
    headline: capitalise(f(pick(rnd, HEADLINES))),
    standfirst: `${subject.company} faces new questions over ${topic} after reports from ${place}.`,
    paragraphs,
    author: personName(rnd),
  }
}
