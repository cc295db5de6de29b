import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client'

/** Turns a failed command into a sentence a shop owner can act on; details stay secondary. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation()
  if (error === undefined || error === null) return null
  const code = error instanceof ApiError ? error.code : 'INTERNAL'
  const detail = error instanceof Error ? error.message : String(error)
  return (
    <div role="alert" className="error">
      <strong>{t(`errors.${code}`)}</strong>
      <span className="error-detail">{detail}</span>
    </div>
  )
}

export function Loading() {
  const { t } = useTranslation()
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  )
}
