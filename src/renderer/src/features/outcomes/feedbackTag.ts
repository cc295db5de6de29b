import { isProductFeedbackTag, PRODUCT_FEEDBACK_TAGS } from '../../../../shared/commands/outcomes'

/**
 * The tag that marks product feedback here: the name the workspace already uses, so the inbox's tag
 * filter finds every such conversation under one name; else the name in the user's language.
 */
export function feedbackTagFor(workspaceTags: readonly string[], language: string): string {
  return (
    workspaceTags.find(isProductFeedbackTag) ??
    (language.startsWith('de') ? PRODUCT_FEEDBACK_TAGS[0] : PRODUCT_FEEDBACK_TAGS[1])
  )
}
