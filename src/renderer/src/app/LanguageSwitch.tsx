import { useTranslation } from 'react-i18next'
import { LANGUAGES, setLanguage, type Language } from '../i18n'

export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  return (
    <label className="field inline">
      <span>{t('app.language')}</span>
      <select value={i18n.resolvedLanguage} onChange={(e) => void setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng}>
            {t(`language.${lng}`)}
          </option>
        ))}
      </select>
    </label>
  )
}
