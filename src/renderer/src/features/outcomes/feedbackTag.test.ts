import { describe, expect, it } from 'vitest'
import { feedbackTagFor } from './feedbackTag'

describe('the product-feedback tag', () => {
  it('keeps the name the workspace already uses, whatever the language', () => {
    expect(feedbackTagFor(['Lob', 'produktfeedback'], 'en')).toBe('produktfeedback')
    expect(feedbackTagFor(['Product Feedback'], 'de')).toBe('Product Feedback')
  })

  it('otherwise takes the name in the user’s language', () => {
    expect(feedbackTagFor(['Lob'], 'de')).toBe('Produktfeedback')
    expect(feedbackTagFor([], 'en-US')).toBe('product feedback')
  })
})
