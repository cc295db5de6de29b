import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useRoute } from './routeStore'

/** Searches on submit rather than per keystroke: full-text queries are not free. */
export function SearchBox() {
  const { t } = useTranslation()
  const search = useRoute((s) => s.search)
  const [text, setText] = useState(() => useRoute.getState().searchQuery)

  const submit = (e: FormEvent): void => {
    e.preventDefault()
    if (text.trim()) search(text.trim())
  }

  return (
    <form role="search" className="search-box" onSubmit={submit}>
      <input
        type="search"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={500}
      />
      <button type="submit">{t('search.submit')}</button>
    </form>
  )
}
