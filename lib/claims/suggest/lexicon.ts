// Word lists the rules share. Kept in one place so a miss on a new article is fixed by adding
// a word here, not by a new rule.

// Verbs that introduce what someone said, in the forms news copy uses (past tense and the
// present for "says"): the base form ("say") only counts after a plural subject, see reported.ts.
export const SPEECH_VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'wrote', 'writes', 'stated', 'states', 'asserted', 'asserts',
  'added', 'adds', 'argued', 'argues', 'claimed', 'claims', 'insisted', 'insists', 'maintained', 'maintains',
  'confirmed', 'confirms', 'acknowledged', 'acknowledges', 'admitted', 'admits', 'explained', 'noted',
  'warned', 'announced', 'stressed', 'contended', 'countered', 'responded', 'replied', 'testified', 'complained', 'complains',
]

// Verbs by which others (press, documents, sources, officials) report or allege.
export const REPORT_VERBS = [
  'reported', 'reports', 'alleged', 'alleges', 'allege', 'suggested', 'suggests', 'suggest', 'showed', 'shows', 'show',
  'revealed', 'reveals', 'reveal', 'indicated', 'indicates', 'found', 'accused', 'accuses', 'charged', 'charges',
]

// Verbs whose clause is a denial whatever it says ("denied it was part of …").
export const DENIAL_VERBS = ['denied', 'denies', 'deny', 'rejected', 'rejects', 'disputed', 'disputes', 'refuted', 'refutes', 'rebutted', 'dismissed']

export const REPORTING_VERBS = [...SPEECH_VERBS, ...REPORT_VERBS, ...DENIAL_VERBS]

// Adverbs that mark a clause as the press's or someone else's account, not established fact.
export const HEARSAY_ADVERBS = ['reportedly', 'allegedly', 'purportedly', 'supposedly']

// Words that make a statement a denial even without a negated verb ("significant inaccuracies").
export const DENIAL_WORDS = [
  'inaccurate', 'inaccuracies', 'inaccuracy', 'untrue', 'false', 'baseless', 'unfounded', 'groundless',
  'misleading', 'incorrect', 'erroneous', 'categorically', 'no truth', 'no basis', 'no evidence', 'wrongdoing',
  'no direct access', 'not true', 'without merit', 'no merit', 'nothing to do with', 'at no point', 'at no time',
]

// Heads of noun phrases that describe an organisation without naming it ("the world's largest
// software company", "company lawyer"): they resolve to the company the article is about.
export const COMPANY_NOUNS = ['company', 'firm', 'group', 'maker', 'giant', 'retailer', 'carrier', 'bank', 'lender', 'insurer', 'airline', 'automaker', 'manufacturer', 'operator', 'provider', 'conglomerate', 'startup', 'corporation', 'business']

// Roles that speak for an organisation ("a spokeswoman for Acme", "Acme's general counsel").
export const ROLE_NOUNS = [
  'spokesman', 'spokeswoman', 'spokesperson', 'representative', 'lawyer', 'attorney', 'counsel', 'executive', 'chief',
  'ceo', 'president', 'chairman', 'chairwoman', 'director', 'officer', 'manager', 'head', 'founder', 'official',
  'engineer', 'analyst', 'adviser', 'advisor', 'vice', 'cfo', 'coo', 'cto', 'secretary', 'minister', 'senator',
]

// Roles that speak for the company an article is about even when it is not named ("chief
// executive Martin Oyelaran", "company lawyer Brad Smith"). Not public offices ("Attorney General").
export const CORPORATE_ROLES = ['spokesman', 'spokeswoman', 'spokesperson', 'executive', 'ceo', 'cfo', 'coo', 'cto', 'counsel', 'lawyer', 'founder', 'chairman', 'chairwoman']

// Unnamed sources and channels: what they say is reported, never the company's own word.
export const SOURCE_NOUNS = ['sources', 'source', 'people', 'person', 'documents', 'document', 'papers', 'memo', 'emails', 'filing', 'filings', 'records', 'report', 'reports', 'files', 'letter', 'analysts', 'officials', 'investigators', 'critics', 'prosecutors', 'regulators', 'lawsuit', 'complaint']

// Outlets by the words in their names; an organisation whose name ends in one of these is press.
export const OUTLET_WORDS = ['post', 'times', 'journal', 'guardian', 'reuters', 'bloomberg', 'press', 'news', 'tribune', 'herald', 'telegraph', 'observer', 'economist', 'wire', 'gazette', 'chronicle', 'itnews', 'bbc', 'cnn', 'cnbc', 'ap', 'afp', 'nikkei', 'spiegel', 'monde', 'register', 'verge', 'wired', 'axios', 'politico', 'intercept', 'propublica', 'ft', 'courier', 'mail', 'inquirer', 'examiner', 'bulletin', 'globe']

// Words that make an organisation a government body rather than a company.
export const AGENCY_WORDS = ['agency', 'department', 'ministry', 'commission', 'bureau', 'office', 'government', 'court', 'congress', 'senate', 'parliament', 'police', 'fbi', 'nsa', 'cia', 'ftc', 'sec', 'doj', 'fcc', 'authority', 'regulator', 'council', 'administration', 'army', 'navy', 'committee', 'union']

// Suffixes that make a name a company for certain ("Microsoft Corp").
export const COMPANY_SUFFIXES = ['corp', 'corporation', 'inc', 'incorporated', 'co', 'company', 'ltd', 'limited', 'plc', 'llc', 'ag', 'sa', 'nv', 'se', 'gmbh', 'holdings', 'group']

// Words that may stand between a reporting verb and its clause ("said on Thursday in a
// statement that …"): prepositions that open such a phrase and the nouns that close it.
export const ADVERBIAL_PREPOSITIONS = ['on', 'in', 'at', 'during', 'via', 'through', 'over', 'late', 'early', 'earlier', 'last', 'this']
export const ADVERBIAL_NOUNS = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'week', 'month', 'year', 'today',
  'statement', 'interview', 'letter', 'blog', 'post', 'filing', 'email', 'e-mail', 'call', 'conference', 'briefing', 'hearing',
  'release', 'note', 'memo', 'tweet', 'website', 'message', 'speech', 'testimony', 'court', 'night', 'morning', 'afternoon',
  'evening', 'weekend', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'reporters', 'journalists', 'investors', 'analysts', 'lawmakers', 'employees', 'staff', 'shareholders',
]
export const ADVERBS = ['today', 'yesterday', 'tonight', 'separately', 'also', 'earlier', 'later', 'again', 'previously', 'repeatedly', 'publicly', 'privately', 'flatly', 'strongly', 'firmly', 'then', 'recently', 'now', 'further']
