// Word lists the rules share. Kept in one place so a miss on a new article is fixed by adding a
// word here, not by a new rule. Nothing here names a particular company, outlet or article.
import nlp from 'compromise'

// --- reporting cues ---------------------------------------------------------------------------
//
// A cue verb introduces what someone said, wrote, thinks or charges. Its frames say what may
// follow it:
// - clause: "(that) it will close two plants";   np: "(denied) any wrongdoing";
// - obj-clause: "told reporters (that) …";        obj-to: "urged voters to …";
// - obj-of: "accused Acme of …";                 obj-as: "described the deal as …", "called it "…"";
// - to: "vowed to …";                            quote: it may attribute a direct quotation.
// `stance` decides the kind downstream: a denial, an accusation, or plain speech / belief.
export type Frame = 'clause' | 'np' | 'obj-clause' | 'obj-to' | 'obj-of' | 'obj-as' | 'to' | 'quote' | 'bare' | 'noun-that'
export type Stance = 'speech' | 'belief' | 'denial' | 'accusation' | 'support' | 'comment'
export type Cue = { base: string; stance: Stance; frames: ReadonlySet<Frame>; form: 'base' | 's' | 'ed' | 'ing' }

// base [forms: s,ed,ing when irregular] : frames : stance
const CUE_TABLE: [string, string, Stance][] = [
  ['say said says saying', 'clause quote', 'speech'],
  ['tell told tells telling', 'obj-clause obj-to quote', 'speech'],
  ['add', 'clause quote', 'speech'],
  ['write wrote writes writing', 'clause quote', 'speech'],
  ['state', 'clause quote', 'speech'],
  ['assert', 'clause quote', 'speech'],
  ['argue', 'clause quote', 'speech'],
  ['insist', 'clause quote', 'speech'],
  ['reiterate', 'clause quote', 'speech'],
  ['acknowledge', 'clause np quote', 'speech'],
  ['confirm', 'clause np quote', 'speech'],
  ['warn', 'clause obj-clause obj-of obj-to quote', 'speech'],
  ['claim', 'clause np quote', 'speech'],
  ['announce', 'clause np quote', 'speech'],
  ['note', 'clause quote', 'speech'],
  ['explain', 'clause quote', 'speech'],
  ['stress', 'clause quote', 'speech'],
  ['emphasize', 'clause quote', 'speech'],
  ['emphasise', 'clause quote', 'speech'],
  ['contend', 'clause quote', 'speech'],
  ['counter', 'clause quote', 'speech'],
  ['respond', 'clause quote', 'speech'],
  ['reply replied replies replying', 'clause quote', 'speech'],
  ['testify testified testifies testifying', 'clause quote', 'speech'],
  ['complain', 'clause quote', 'accusation'],
  ['maintain', 'clause quote', 'speech'],
  ['declare', 'clause quote', 'speech'],
  ['admit admitted admits admitting', 'clause np quote', 'speech'],
  ['concede', 'clause quote', 'speech'],
  ['predict', 'clause quote', 'speech'],
  ['estimate', 'clause', 'speech'],
  ['suggest', 'clause quote', 'speech'],
  ['reveal', 'clause np', 'speech'],
  ['disclose', 'clause np', 'speech'],
  ['indicate', 'clause', 'speech'],
  ['recall', 'clause quote', 'speech'],
  ['observe', 'clause quote', 'speech'],
  ['remark', 'clause quote', 'speech'],
  ['repeat', 'clause quote', 'speech'],
  ['retort', 'clause quote', 'speech'],
  ['quip quipped quips quipping', 'clause quote', 'speech'],
  ['joke', 'clause quote', 'speech'],
  ['boast', 'clause quote', 'speech'],
  ['brag bragged brags bragging', 'clause quote', 'speech'],
  ['muse', 'clause quote', 'speech'],
  ['lament', 'clause quote', 'speech'],
  ['caution', 'clause obj-clause quote', 'speech'],
  ['conclude', 'clause', 'speech'],
  ['hint', 'clause', 'speech'],
  ['speculate', 'clause quote', 'speech'],
  ['affirm', 'clause quote', 'speech'],
  ['assure', 'obj-clause clause quote', 'speech'],
  ['reassure', 'obj-clause quote', 'speech'],
  ['promise', 'clause to obj-clause quote', 'speech'],
  ['vow', 'clause to quote', 'speech'],
  ['pledge pledged pledges pledging', 'clause to np', 'speech'],
  ['threaten', 'to np', 'speech'],
  ['inform', 'obj-clause', 'speech'],
  ['remind', 'obj-clause', 'speech'],
  ['tweet', 'clause quote', 'speech'],
  ['post', 'clause quote', 'speech'],
  ['continue', 'quote', 'speech'],
  ['chant', 'quote', 'speech'],
  ['shout', 'quote', 'speech'],
  ['yell', 'quote', 'speech'],
  ['scream', 'quote', 'speech'],
  ['exclaim', 'quote', 'speech'],
  ['proclaim', 'clause quote', 'speech'],
  ['surmise', 'clause quote', 'speech'],
  ['interject', 'quote', 'speech'],
  ['read read reads reading', 'quote', 'speech'],
  ['cry cried cries crying', 'quote', 'speech'],
  ['apologize', 'quote', 'speech'],
  ['apologise', 'quote', 'speech'],
  ['acknowledge', 'quote', 'speech'],
  ['ask', 'obj-to clause quote', 'speech'],
  ['wonder', 'clause quote', 'speech'],
  ['cite', 'obj-as np', 'speech'],
  ['depict', 'obj-as np', 'speech'],
  ['portray', 'obj-as np', 'speech'],
  ['debate', 'np', 'speech'],
  ['discuss', 'np', 'speech'],
  ['forecast forecast forecasts forecasting', 'clause np', 'speech'],
  ['project', 'clause', 'speech'],
  ['anticipate', 'clause np', 'belief'],
  ['demand', 'clause np quote', 'speech'],
  ['urge', 'obj-to clause quote', 'speech'],
  ['propose', 'clause', 'speech'],
  ['recommend', 'clause', 'speech'],
  ['agree', 'clause', 'speech'],
  ['report', 'clause np quote', 'speech'],
  ['find found finds finding', 'clause', 'speech'],
  ['show showed shows showing', 'clause', 'speech'],
  ['conclude', 'clause', 'speech'],
  ['describe', 'obj-as', 'speech'],
  ['characterize', 'obj-as', 'speech'],
  ['characterise', 'obj-as', 'speech'],
  ['call', 'obj-as', 'speech'],
  ['dub dubbed dubs dubbing', 'obj-as', 'speech'],
  ['label labelled labels labelling', 'obj-as', 'speech'],
  ['brand', 'obj-as', 'speech'],
  ['pledge', 'to', 'speech'],
  ['signal signalled signals signalling', 'clause', 'speech'],
  ['underscore', 'clause', 'speech'],
  ['believe', 'clause', 'belief'],
  ['think thought thinks thinking', 'clause', 'belief'],
  ['feel felt feels feeling', 'clause', 'belief'],
  ['fear', 'clause', 'belief'],
  ['worry worried worries worrying', 'clause', 'belief'],
  ['hope', 'clause to', 'belief'],
  ['expect', 'clause np', 'belief'],
  ['doubt', 'clause', 'belief'],
  ['suspect', 'clause', 'belief'],
  ['want', 'obj-to', 'belief'],
  ['see saw sees seeing', 'obj-as np', 'belief'],
  ['view', 'obj-as', 'belief'],
  ['consider', 'clause', 'belief'],
  ['deny denied denies denying', 'clause np', 'denial'],
  ['reject', 'clause np', 'denial'],
  ['dispute', 'clause np', 'denial'],
  ['refute', 'clause np', 'denial'],
  ['rebut rebutted rebuts rebutting', 'clause np', 'denial'],
  ['dismiss', 'np obj-as', 'denial'],
  ['contest', 'np', 'denial'],
  ['downplay', 'np', 'denial'],
  ['accuse', 'obj-of', 'accusation'],
  ['allege', 'clause quote', 'accusation'],
  ['charge', 'clause', 'accusation'],
  ['blame', 'np', 'accusation'],
  ['criticize', 'np', 'accusation'],
  ['criticise', 'np', 'accusation'],
  ['condemn', 'np', 'accusation'],
  ['denounce', 'np', 'accusation'],
  ['slam slammed slams slamming', 'np', 'accusation'],
  ['blast', 'np', 'accusation'],
  ['decry decried decries decrying', 'np', 'accusation'],
  ['lambaste', 'np', 'accusation'],
  ['attack', 'np', 'accusation'],
  ['question', 'np', 'accusation'],
  ['defend', 'np', 'support'],
  ['praise', 'np', 'support'],
  ['welcome', 'np', 'support'],
  ['applaud', 'np', 'support'],
  ['endorse', 'np', 'support'],
]

function inflect(base: string): string[] {
  const stem = base.endsWith('e') ? base.slice(0, -1) : base
  const ed = base.endsWith('e') ? `${base}d` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : `${base}ed`
  const s = /(?:s|sh|ch|x)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`
  const ing = /[^aeiou]y$/.test(base) ? `${base}ing` : `${stem}ing`
  return [base, ed, s, ing]
}

const CUES = new Map<string, Cue[]>()
for (const [words, frames, stance] of CUE_TABLE) {
  const given = words.split(' ')
  const base = given[0]!
  const [b, ed, s, ing] = (given.length === 4 ? given : inflect(base)) as [string, string, string, string]
  const frameSet = new Set(frames.split(' ') as Frame[])
  for (const [word, form] of [[b, 'base'], [s, 's'], [ed, 'ed'], [ing, 'ing']] as const) {
    const list = CUES.get(word) ?? []
    list.push({ base, stance, frames: frameSet, form })
    CUES.set(word, list)
  }
}

export function cueOf(lower: string): Cue | undefined {
  return CUES.get(lower)?.[0]
}

// Nominal cues: "in a statement", "according to", "per".
export const STATEMENT_NOUNS = new Set(['statement', 'interview', 'letter', 'email', 'e-mail', 'tweet', 'post', 'filing', 'release', 'blog', 'memo', 'note', 'speech', 'report', 'message', 'announcement', 'testimony', 'video', 'op-ed', 'column', 'briefing', 'call', 'podcast', 'remarks', 'comments', 'declaration', 'complaint', 'lawsuit', 'suit'])

// Adverbs and auxiliaries that stand between a subject and its cue ("has long argued").
export const BETWEEN_SUBJECT_AND_CUE = new Set([
  'has', 'have', 'had', 'also', 'previously', 'repeatedly', 'would', 'will', 'could', 'can', 'did', 'does', 'do', 'not', 'never',
  'publicly', 'privately', 'later', 'then', 'recently', 'flatly', 'strongly', 'firmly', 'again', 'consistently', 'long', 'often',
  'twice', 'initially', 'earlier', 'once', 'still', 'quickly', 'immediately', 'angrily', 'bluntly', 'openly', 'simply', 'just', 'already',
  'now', 'first', 'further', 'separately', 'reportedly', 'allegedly', 'only', 'even', 'vehemently', 'loudly', 'widely', 'frequently',
  'is', 'was', 'were', 'are', 'been', 'being', 'be', 'may', 'might', 'must', 'should', 'shall', 'always', 'both', 'all', 'each',
  'emphatically', 'categorically', 'correctly', 'wrongly', 'falsely', 'sharply', 'harshly', 'roundly', 'swiftly', 'apparently',
  'tearfully', 'confidently', 'cautiously', 'optimistically', 'jokingly', 'ominously', 'subsequently', 'ultimately', 'eventually',
])

// Words after a cue, before its clause: "said on Thursday in a statement that".
export const ADVERBIAL_PREPOSITIONS = new Set(['on', 'in', 'at', 'during', 'via', 'through', 'over', 'late', 'early', 'earlier', 'last', 'this', 'from', 'with', 'after', 'before', 'to', 'before', 'under', 'while', 'when', 'since'])
export const ADVERBIAL_NOUNS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'week', 'month', 'year', 'today', 'tonight', 'yesterday',
  'statement', 'statements', 'interview', 'interviews', 'letter', 'blog', 'post', 'filing', 'email', 'e-mail', 'call', 'conference', 'briefing', 'hearing',
  'release', 'note', 'memo', 'tweet', 'tweets', 'website', 'message', 'speech', 'testimony', 'court', 'night', 'morning', 'afternoon',
  'evening', 'weekend', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'reporters', 'journalists', 'investors', 'analysts', 'lawmakers', 'employees', 'staff',
  'shareholders', 'rally', 'event', 'appearance', 'program', 'programme', 'show', 'broadcast', 'podcast', 'radio', 'television', 'tv', 'twitter', 'facebook',
  'instagram', 'weibo', 'wechat', 'linkedin', 'youtube', 'response', 'reply', 'answer', 'question', 'questions', 'remarks', 'comments', 'report', 'reports',
  'op-ed', 'column', 'video', 'podcast', 'address', 'debate', 'session', 'meeting', 'summit', 'ceremony', 'campaign', 'trail', 'stop', 'news',
  'page', 'account', 'site', 'platform', 'time', 'point', 'moment', 'days', 'weeks', 'months', 'years', 'ago', 'previously', 'recently',
])
export const ADVERBS = new Set(['though', 'meanwhile', 'moreover', 'furthermore', 'nonetheless', 'nevertheless', 'likewise', 'similarly', 'too', 'in turn', 'today', 'yesterday', 'tonight', 'separately', 'also', 'earlier', 'later', 'again', 'previously', 'repeatedly', 'publicly', 'privately', 'flatly', 'strongly', 'firmly', 'then', 'recently', 'now', 'further', 'simply', 'bluntly', 'emphatically', 'categorically', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'however', 'too', 'instead', 'frankly', 'plainly', 'clearly', 'explicitly', 'succinctly', 'online'])

// Heads of noun phrases that can speak: people, roles, organisations, documents. A cue after
// anything else ("the stock added", "a deal announced") is not an attribution.
export const SPEAKER_HEADS = new Set([
  'people', 'person', 'man', 'woman', 'men', 'women', 'officials', 'official', 'authorities', 'police', 'government', 'administration',
  'critics', 'critic', 'experts', 'expert', 'analysts', 'analyst', 'sources', 'source', 'voters', 'residents', 'users', 'user', 'fans',
  'democrats', 'republicans', 'conservatives', 'liberals', 'lawmakers', 'legislators', 'senators', 'members', 'leaders', 'leader',
  'protesters', 'protestors', 'demonstrators', 'activists', 'campaigners', 'investors', 'shareholders', 'employees', 'workers', 'staff',
  'executives', 'executive', 'scientists', 'researchers', 'doctors', 'witnesses', 'prosecutors', 'investigators', 'regulators', 'judge',
  'judges', 'court', 'jury', 'insiders', 'observers', 'commentators', 'economists', 'historians', 'others', 'many', 'some', 'both', 'all',
  'group', 'groups', 'organizations', 'organisations', 'companies', 'firms', 'unions', 'parties', 'campaigns', 'agencies', 'governments',
  'commenter', 'commenters', 'tweet', 'post', 'poll', 'polls', 'survey', 'surveys', 'study', 'studies', 'data', 'figures', 'documents',
  'document', 'records', 'report', 'reports', 'statement', 'letter', 'memo', 'emails', 'email', 'filing', 'filings', 'complaint',
  'lawsuit', 'suit', 'ad', 'ads', 'advertisement', 'video', 'website', 'release', 'book', 'article', 'story', 'editorial', 'column',
  'analysis', 'review', 'audit', 'investigation', 'probe', 'inquiry', 'ruling', 'order', 'decision', 'indictment', 'transcript',
  'minutes', 'notes', 'testimony', 'message', 'messages', 'blog', 'everyone', 'everybody', 'nobody', 'someone', 'somebody', 'family',
  'families', 'friends', 'allies', 'aides', 'aide', 'advisers', 'advisors', 'adviser', 'advisor', 'colleagues', 'rivals', 'opponents',
  'supporters', 'backers', 'plaintiffs', 'defendants', 'victims', 'parents', 'students', 'teachers', 'customers', 'clients', 'patients',
  'americans', 'britons', 'citizens', 'public', 'press', 'media', 'majority', 'minority', 'half', 'most', 'few', 'several', 'majority',
  'side', 'sides', 'camp', 'team', 'panel', 'jury', 'pundit', 'pundits', 'blogger', 'bloggers', 'candidate', 'candidates', 'nominee',
  'nominees', 'senator', 'voter', 'delegate', 'delegates', 'advocate', 'advocates', 'organizer', 'organizers', 'organiser', 'organisers',
  'campaign', 'committee', 'commission', 'council', 'board', 'agency', 'department', 'ministry', 'office', 'administration', 'white',
  'percent', '%', 'respondents', 'participants', 'attendees', 'audience', 'crowd', 'readers', 'viewers', 'listeners', 'followers',
  'couple', 'wife', 'husband', 'son', 'daughter', 'mother', 'father', 'brother', 'sister', 'children', 'kids', 'individuals', 'individual',
  'friend', 'colleague', 'relative', 'relatives', 'ally', 'rival', 'spouse', 'cousin', 'uncle', 'aunt', 'niece', 'nephew', 'sibling',
  'siblings', 'girlfriend', 'boyfriend', 'fiance', 'fiancee', 'classmate', 'classmates', 'roommate', 'boss', 'confidant', 'confidante',
])
const AGENT_SUFFIX = /(?:er|or|ist|ian|ent|ant|ee|man|woman|person|men|women|ers|ors|ists|ians|ents|ants|ees|ary|aries|ess|esses)$/
export function isSpeakerHead(lower: string): boolean {
  const w = lower.replace(/['’]s$/, '')
  return SPEAKER_HEADS.has(w) || COMPANY_NOUNS.has(w) || MEMBER_ROLES.has(w) || OUTSIDE_ROLES.has(w) || SOURCE_NOUNS.has(w) || STATEMENT_NOUNS.has(w) || (AGENT_SUFFIX.test(w) && w.length > 4)
}

// Objects of "told" that are listeners, not the start of the clause.
export const LISTENERS = new Set(['him', 'her', 'them', 'us', 'me', 'reporters', 'journalists', 'investors', 'analysts', 'lawmakers', 'employees', 'staff', 'shareholders', 'customers', 'parliament', 'congress', 'supporters', 'voters', 'viewers', 'listeners', 'readers', 'students', 'workers', 'members', 'delegates', 'senators', 'officials', 'attendees', 'crowd', 'audience', 'you', 'everyone', 'people', 'colleagues', 'donors', 'followers', 'residents', 'committee', 'court', 'jury', 'judge', 'congressmen', 'congresswomen', 'legislators', 'executives'])

// Hearsay adverbs: the clause is someone else's account.
export const HEARSAY_ADVERBS = new Set(['reportedly', 'allegedly', 'purportedly', 'supposedly', 'apparently'])

// --- kinds ------------------------------------------------------------------------------------

// Words that make a company's statement a denial.
export const DENIAL_WORDS = [
  'inaccurate', 'inaccuracies', 'inaccuracy', 'untrue', 'false', 'falsely', 'baseless', 'unfounded', 'groundless', 'misleading',
  'incorrect', 'erroneous', 'categorically', 'no truth', 'no basis', 'no evidence', 'no indication', 'not indicate', 'wrongdoing', 'not true',
  'without merit', 'no merit', 'meritless', 'nothing to do with', 'at no point', 'at no time', 'debunked', 'sham', 'hoax',
  'fabricated', 'fabrication', 'nonsense', 'smear', 'witch hunt', 'illegitimate', 'charade', 'distorted', 'mischaracteriz',
  'mischaracteris', 'deny', 'denies', 'denied', 'reject', 'rejects', 'rejected', 'dispute', 'disputes', 'disputed', 'refute', 'refuted',
  'not aware', 'no knowledge', 'no wrongdoing', 'did nothing wrong', 'done nothing wrong', 'not responsible', 'not to blame',
]

// Words that make another's claim about a company an allegation rather than a report: charges of
// wrongdoing, harm, misconduct, legal claims.
export const ACCUSATION_WORDS = [
  'accus', 'alleg', 'charg', 'sue', 'sued', 'suing', 'lawsuit', 'fraud', 'illegal', 'unlawful', 'violat', 'wrongdoing', 'misconduct',
  'corrupt', 'brib', 'mislead', 'misled', 'misreport', 'misrepresent', 'deceiv', 'decept', 'lie', 'lies', 'lied', 'lying', 'liar', 'abus', 'harass', 'bully', 'bullying',
  'discriminat', 'negligen', 'cover-up', 'cover up', 'covered up', 'conceal', 'hide', 'hid', 'hiding', 'manipulat', 'plunder', 'greed',
  'scandal', 'unfair', 'inappropriate', 'improper', 'irregular', 'unethical', 'morally', 'cheat', 'steal', 'stole', 'theft', 'exploit',
  'fail', 'failure', 'refus', 'block', 'mistreat', 'racist', 'sexist', 'dangerous', 'reckless', 'unsafe', 'toxic', 'pollut', 'censor',
  'investigat', 'probe', 'inquiry', 'complain', 'criticis', 'criticiz', 'critic', 'condemn', 'denounc', 'blame', 'fault', 'wrong',
  'outrage', 'anger', 'angry', 'furious', 'backlash', 'ridicule', 'mock', 'foul', 'betray', 'damag', 'harm', 'victim', 'threat',
  'intimidat', 'retaliat', 'monopol', 'anticompetitive', 'anti-competitive', 'price-fixing', 'collu', 'laundering', 'evasion', 'evade',
  'breach', 'leak', 'spy', 'spied', 'surveil', 'tracking', 'insider', 'disinformation', 'misinformation', 'propaganda', 'shooting',
  'kill', 'death', 'dead', 'brutal', 'violence', 'torture', 'meddl', 'interfer', 'rigged', 'tamper', 'doctored', 'fake', 'bogus',
  'cruel', 'disgrac', 'shame', 'shameful', 'outrageous', 'appalling', 'unacceptable', 'concern', 'question', 'raising questions',
  'delay', 'minimiz', 'minimis', 'restrict', 'suppress', 'silenc', 'punish', 'fine', 'fined', 'penalt', 'sanction', 'warn',
]

// --- entities ---------------------------------------------------------------------------------

// Heads of noun phrases that stand for an organisation without naming it ("the company", "the
// tech giant", "the utility"): they resolve to an organisation named before.
export const COMPANY_NOUNS = new Set([
  'company', 'firm', 'group', 'maker', 'giant', 'retailer', 'carrier', 'bank', 'lender', 'insurer', 'airline', 'automaker', 'carmaker',
  'manufacturer', 'operator', 'provider', 'conglomerate', 'startup', 'start-up', 'corporation', 'business', 'utility', 'label', 'studio',
  'network', 'chain', 'publisher', 'developer', 'platform', 'brand', 'service', 'supplier', 'producer', 'distributor', 'broadcaster',
  'owner', 'parent', 'subsidiary', 'unit', 'outfit', 'enterprise', 'multinational', 'behemoth', 'titan', 'powerhouse', 'chipmaker',
  'drugmaker', 'automaker', 'automaker', 'miner', 'refiner', 'exchange', 'fund', 'investor', 'app', 'site', 'website', 'store',
  'party', 'campaign', 'organisation', 'organization', 'agency', 'department', 'ministry', 'government', 'administration', 'authority',
  'regulator', 'watchdog', 'charity', 'foundation', 'university', 'school', 'club', 'team', 'league', 'union', 'military', 'army',
  'police', 'force', 'council', 'commission', 'committee', 'office', 'board', 'court', 'state', 'city', 'county', 'hospital', 'coalition',
  'newspaper', 'paper', 'magazine', 'outlet', 'broadcaster', 'channel', 'daily', 'publication', 'agency',
])
// "The newspaper" points to an outlet; the others to any organisation.
export const OUTLET_NOUNS = new Set(['newspaper', 'paper', 'magazine', 'outlet', 'broadcaster', 'channel', 'daily', 'publication', 'network', 'website', 'site', 'tabloid', 'wire'])

// Roles through which people speak for an organisation ("a spokeswoman for Acme", "Acme's
// general counsel", "chief executive Jane Roe"): their words are the organisation's.
export const MEMBER_ROLES = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'representative', 'lawyer', 'lawyers', 'attorney', 'attorneys', 'counsel',
  'executive', 'executives', 'chief', 'ceo', 'cfo', 'coo', 'cto', 'cmo', 'president', 'chairman', 'chairwoman', 'chair', 'chairperson',
  'director', 'directors', 'officer', 'officers', 'manager', 'managers', 'head', 'founder', 'co-founder', 'cofounder', 'official', 'officials',
  'engineer', 'vp', 'vice', 'secretary', 'minister', 'board', 'partner', 'employee', 'employees', 'staffer', 'staff', 'aide', 'aides',
  'commissioner', 'commander', 'administrator', 'superintendent', 'chancellor', 'governor', 'mayor', 'leader', 'leaders', 'boss',
  'owner', 'editor', 'scientist', 'scientists', 'researcher', 'researchers', 'agent', 'agents', 'member', 'members', 'administrator',
  'strategist', 'treasurer', 'adviser', 'advisor', 'consultant', 'deputy', 'associate', 'principal', 'trustee', 'analyst',
  'ambassador', 'envoy', 'diplomat', 'consul', 'negotiator', 'press',
])
// Roles that never speak for the organisation they are "of" or "at": outside voices.
export const OUTSIDE_ROLES = new Set(['analyst', 'analysts', 'investor', 'investors', 'shareholder', 'shareholders', 'critic', 'critics', 'customer', 'customers', 'rival', 'rivals', 'professor', 'expert', 'experts', 'economist', 'economists', 'observer', 'observers', 'strategist', 'fan', 'fans', 'user', 'users', 'student', 'students', 'reporter', 'reporters', 'journalist', 'journalists', 'correspondent', 'columnist', 'commentator', 'plaintiff', 'plaintiffs', 'prosecutor', 'prosecutors', 'judge', 'regulator', 'regulators', 'senator', 'congressman', 'congresswoman', 'lawmaker', 'lawmakers', 'candidate', 'opponent'])

// Unnamed sources and channels: what they say is reported, never the company's own word.
export const SOURCE_NOUNS = new Set(['sources', 'source', 'people', 'person', 'documents', 'document', 'papers', 'memo', 'emails', 'filing', 'filings', 'records', 'report', 'reports', 'files', 'letter', 'analysts', 'officials', 'investigators', 'critics', 'prosecutors', 'regulators', 'lawsuit', 'complaint', 'survey', 'poll', 'polls', 'study', 'data', 'figures', 'estimates', 'insiders', 'observers', 'experts', 'residents', 'witnesses', 'users', 'commenter', 'commenters', 'activists', 'protesters', 'protestors', 'demonstrators', 'opponents', 'supporters'])

// Outlets by the words in their names; an organisation whose name ends in one of these is press.
export const OUTLET_WORDS = new Set(['post', 'times', 'journal', 'guardian', 'reuters', 'bloomberg', 'press', 'news', 'tribune', 'herald', 'telegraph', 'observer', 'economist', 'wire', 'gazette', 'chronicle', 'itnews', 'bbc', 'cnn', 'cnbc', 'ap', 'afp', 'nikkei', 'spiegel', 'monde', 'register', 'verge', 'wired', 'axios', 'politico', 'intercept', 'propublica', 'ft', 'courier', 'mail', 'inquirer', 'examiner', 'bulletin', 'globe', 'npr', 'msnbc', 'abc', 'nbc', 'cbs', 'fox', 'reporter', 'insider', 'magazine', 'daily', 'weekly', 'sun', 'star', 'mirror', 'express', 'independent', 'standard', 'record', 'leader', 'review', 'breitbart', 'huffpost', 'techcrunch', 'vox', 'slate', 'salon', 'newsweek', 'forbes', 'fortune', 'xinhua', 'tass', 'yonhap', 'kyodo', 'dispatch', 'sentinel', 'beacon', 'enquirer', 'republic', 'argus', 'bee', 'courant', 'plain', 'dealer', 'statesman', 'advertiser', 'mercury', 'hill', 'atlantic', 'nation', 'quartz', 'recode', 'engadget', 'gizmodo', 'mashable', 'buzzfeed', 'deadline', 'variety', 'billboard', 'pitchfork', 'rolling', 'newsbeat', 'aljazeera'])

// Words that make an organisation a public body rather than a company.
export const AGENCY_WORDS = new Set(['democrats', 'republicans', 'conservatives', 'tories', 'liberals', 'labour', 'agency', 'department', 'ministry', 'commission', 'bureau', 'office', 'government', 'court', 'congress', 'senate', 'parliament', 'police', 'fbi', 'nsa', 'cia', 'ftc', 'sec', 'doj', 'fcc', 'fda', 'epa', 'authority', 'regulator', 'council', 'administration', 'army', 'navy', 'military', 'committee', 'union', 'house', 'state', 'county', 'city', 'cdc', 'who', 'un', 'nato', 'pentagon', 'kremlin', 'treasury', 'reserve', 'service', 'institute', 'centre', 'center', 'party', 'coalition', 'campaign', 'university', 'foundation', 'association', 'federation', 'board', 'assembly', 'cabinet', 'force', 'forces', 'guard', 'corps', 'taliban'])

// Name endings that make a name an organisation for certain ("Acme Corp", "Blue Sky Media").
export const COMPANY_SUFFIXES = ['corp', 'corporation', 'inc', 'incorporated', 'co', 'company', 'ltd', 'limited', 'plc', 'llc', 'ag', 'sa', 'nv', 'se', 'gmbh', 'holdings', 'group', 'lp', 'llp']
export const ORG_HEADS = new Set([
  ...COMPANY_SUFFIXES, 'partners', 'capital', 'media', 'bank', 'airlines', 'airline', 'airways', 'motors', 'technologies', 'technology', 'systems',
  'productions', 'entertainment', 'pharmaceuticals', 'pharma', 'labs', 'laboratories', 'network', 'networks', 'communications', 'foundation',
  'institute', 'university', 'party', 'association', 'coalition', 'council', 'commission', 'department', 'agency', 'ministry', 'office',
  'police', 'army', 'court', 'committee', 'administration', 'government', 'center', 'centre', 'services', 'industries', 'enterprises',
  'international', 'ventures', 'investments', 'management', 'energy', 'electric', 'power', 'gas', 'oil', 'petroleum', 'motors', 'robotics',
  'games', 'studios', 'records', 'music', 'pictures', 'films', 'software', 'solutions', 'brands', 'foods', 'stores', 'insurance', 'financial',
  'securities', 'trust', 'fund', 'bureau', 'authority', 'board', 'union', 'federation', 'league', 'club', 'hospital', 'school', 'college',
  'museum', 'society', 'directorate', 'forces', 'force', 'guard', 'service', 'house', 'senate', 'congress', 'parliament', 'assembly',
  'cabinet', 'commission', 'reserve', 'exchange', 'market', 'markets', 'airport', 'railway', 'railways', 'health', 'pharmacy', 'clinic',
  'group', 'alliance', 'movement', 'front', 'campaign', 'organisation', 'organization', 'corps', 'institution', 'authority', 'works',
])

// First words too generic to stand for an organisation on their own ("General" for General Motors).
export const GENERIC_FIRST = new Set(['general', 'national', 'european', 'united', 'american', 'international', 'first', 'new', 'global', 'royal', 'federal', 'china', 'british', 'deutsche', 'the', 'us', 'u.s', 'north', 'south', 'east', 'west', 'central', 'great', 'big', 'old', 'young', 'blue', 'red', 'green', 'black', 'white', 'grand', 'high', 'little', 'san', 'los', 'las', 'saint', 'st'])

// Titles before a person's name; the name is a person's for certain.
export const PERSON_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'gov', 'governor', 'sen', 'senator', 'rep', 'representative', 'president', 'vice', 'secretary', 'minister', 'judge', 'justice', 'gen', 'general', 'col', 'colonel', 'lt', 'lieutenant', 'capt', 'captain', 'sgt', 'sergeant', 'adm', 'admiral', 'mayor', 'chancellor', 'pope', 'rev', 'reverend', 'father', 'sister', 'brother', 'rabbi', 'imam', 'sheikh', 'king', 'queen', 'prince', 'princess', 'ambassador', 'commissioner', 'chairman', 'chairwoman', 'ceo', 'director', 'detective', 'officer', 'congressman', 'congresswoman', 'attorney', 'prosecutor', 'premier', 'chief', 'deputy', 'former', 'acting'])

// Capitalised words that open sentences or headings without naming anyone.
export const NOT_NAMES = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'he', 'she', 'it', 'we', 'they', 'i', 'you', 'but', 'and', 'or', 'so', 'if', 'as', 'last', 'this', 'that', 'these',
  'those', 'our', 'his', 'her', 'its', 'their', 'my', 'your', 'after', 'before', 'while', 'when', 'where', 'why', 'how', 'what', 'who', 'which',
  'for', 'with', 'by', 'from', 'to', 'of', 'about', 'according', 'however', 'meanwhile', 'also', 'reporting', 'editing', 'additional',
  'there', 'here', 'some', 'many', 'most', 'all', 'both', 'each', 'every', 'no', 'not', 'one', 'two', 'three', 'yet', 'still', 'then',
  'now', 'today', 'yesterday', 'tomorrow', 'since', 'until', 'though', 'although', 'because', 'despite', 'amid', 'during', 'under',
  'over', 'into', 'through', 'without', 'within', 'among', 'between', 'against', 'instead', 'indeed', 'perhaps', 'even', 'just', 'only',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec', 'do', 'does', 'did', 'is', 'are', 'was', 'were', 'will', 'would', 'can', 'could', 'should', 'let', 'have', 'has', 'had',
  'more', 'less', 'other', 'another', 'such', 'like', 'unlike', 'whether', 'once', 'while', 'twitter', 'read', 'watch', 'click', 'photo',
  'image', 'video', 'advertisement', 'related', 'getty', 'images', 'ticker', 'security', 'change', 'looking', 'closer', 'rounding',
])

// --- the compromise lexicon -------------------------------------------------------------------
//
// compromise ships an English lexicon (about 25,000 words: first names, verb forms, places,
// well-known organisations). We read it once and look words up in it; its tagger, which is most
// of its cost, never runs.
let lexicon: Record<string, string | string[]> | null = null
function lexiconTags(lower: string): readonly string[] {
  lexicon ??= (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon
  const tags = lexicon[lower]
  return tags === undefined ? [] : typeof tags === 'string' ? [tags] : tags
}

export function hasTag(lower: string, ...tags: string[]): boolean {
  const own = lexiconTags(lower)
  return own.some((t) => tags.includes(t))
}

export const isFirstName = (lower: string) => hasTag(lower, 'FirstName', 'MaleName', 'FemaleName', 'Person')
export const isMaleName = (lower: string) => hasTag(lower, 'MaleName')
export const isFemaleName = (lower: string) => hasTag(lower, 'FemaleName')
const EXTRA_PLACES = new Set(['britain', 'great britain', 'united kingdom', 'united states', 'america', 'european union', 'scotland', 'wales', 'northern ireland', 'gulf', 'middle east', 'west bank', 'gaza', 'taiwan', 'kosovo', 'crimea', 'silicon valley', 'wall street'])
export const isPlace = (lower: string) => EXTRA_PLACES.has(lower) || hasTag(lower, 'Country', 'City', 'Region', 'Place', 'Demonym')
export const isKnownOrganization = (lower: string) => hasTag(lower, 'Organization', 'SportsTeam')

// A finite verb or auxiliary: what makes the words after a cue a clause, not an object.
const FINITE = new Set(['cannot', 'is', 'was', 'are', 'were', 'am', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'shall', 'does', 'did', 'do', "won't", "can't", "isn't", "wasn't", "aren't", "weren't", "hasn't", "haven't", "hadn't", "doesn't", "didn't", "don't", "wouldn't", "couldn't", "shouldn't", 'won’t', 'can’t', 'isn’t', 'wasn’t', 'aren’t', 'weren’t', 'hasn’t', 'haven’t', 'hadn’t', 'doesn’t', 'didn’t', 'don’t', 'wouldn’t', 'couldn’t', 'shouldn’t', "'s", '’s', "'re", '’re', "'ll", '’ll', "'d", '’d'])
// Past tenses the lexicon knows only as adjectives ("lost", "left") or not at all ("cut", "put").
const IRREGULAR_PAST = new Set(['lost', 'left', 'put', 'set', 'cut', 'hit', 'quit', 'shut', 'cost', 'let', 'hurt', 'spread', 'split', 'burst', 'cast', 'forecast', 'upset', 'bet'])
export function isFiniteVerb(lower: string): boolean {
  if (FINITE.has(lower) || IRREGULAR_PAST.has(lower)) return true
  // A word the lexicon does not know, in the past tense by its shape ("misreported").
  if (/^[a-z]{3,}ed$/.test(lower) && lexiconTags(lower).length === 0) return true
  return hasTag(lower, 'PastTense', 'PresentTense', 'Modal', 'Copula') && !hasTag(lower, 'Noun', 'Plural', 'Singular', 'Adjective', 'Determiner', 'Preposition')
}
export const isVerbLike = (lower: string) => isFiniteVerb(lower) || hasTag(lower, 'Infinitive', 'Gerund', 'Participle', 'Verb')
