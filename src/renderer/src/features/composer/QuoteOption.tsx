import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReplyLanguage } from '../../../../shared/commands/composer'
import type { Message } from '../../../../shared/domain'
import { quoteOriginal } from '../../../../shared/replyRules'

/** The attribution line of a quote is written in the language the person works in. */
export const quoteLanguageOf = (language: string | undefined): ReplyLanguage => (language === 'de' ? 'de' : 'en')

interface QuoteOptionProps {
  original: Message
  checked: boolean
  onChange: (checked: boolean) => void
}

/** Email replies quote the customer's message below the reply, as mail programs do; this shows how. */
export function QuoteOption({ original, checked, onChange }: QuoteOptionProps) {
  const { t, i18n } = useTranslation()
  const previewId = useId()
  return (
    <div className="quote-option">
      <label className="inline">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {t('composer.quote')}
      </label>
      {checked && (
        <details>
          <summary id={previewId}>{t('composer.quotePreview')}</summary>
          <pre className="quote-preview" aria-labelledby={previewId}>
            {quoteOriginal(original, quoteLanguageOf(i18n.resolvedLanguage))}
          </pre>
        </details>
      )}
    </div>
  )
}
