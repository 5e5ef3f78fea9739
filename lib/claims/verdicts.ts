// Ratings offered when an editor gives a verdict. Any short wording is accepted: newsrooms keep
// their own scales, and ClaimReview carries the rating as free text (Rating.alternateName).
export const VERDICT_SUGGESTIONS = ['Accurate', 'Mostly accurate', 'Misleading', 'Missing context', 'Mostly false', 'False', 'Unproven'] as const
