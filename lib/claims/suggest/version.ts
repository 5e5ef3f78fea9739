// Stored on each article with its suggestions (Article.suggestedWith). Bump it when the rules
// change: every article is then suggested afresh the next time an editor opens it.
export const SUGGESTER_VERSION = '17'
