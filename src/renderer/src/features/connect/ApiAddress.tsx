import { useId } from 'react'
import { useTranslation } from 'react-i18next'

/** The provider's API address, for a proxy or the local emulators; tucked away because almost nobody needs it. */
export function ApiAddress({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <details className="api-address">
      <summary>{t('connect.advanced')}</summary>
      <label htmlFor={id}>{t('connect.apiAddress')}</label>
      <input id={id} type="url" value={value} placeholder="https://…" onChange={(e) => onChange(e.target.value)} />
    </details>
  )
}
