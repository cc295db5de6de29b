import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CannedReply } from '../../../../shared/contract'
import { TEMPLATE_VARIABLES } from '../../../../shared/templates'
import { api } from '../../api/client'
import { ErrorMessage } from '../../components/Feedback'
import { LANGUAGES, type Language } from '../../i18n'

interface CannedReplyFormProps {
  workspaceId: number
  /** The reply to change; a new one when absent. */
  reply?: CannedReply
  onDone: () => void
}

/** Writes a canned reply: language, a title to find it by, and the text with its {{variables}}. */
export function CannedReplyForm({ workspaceId, reply, onDone }: CannedReplyFormProps) {
  const { t, i18n } = useTranslation()
  const [language, setLanguage] = useState<Language>(reply?.language ?? (i18n.resolvedLanguage === 'de' ? 'de' : 'en'))
  const [title, setTitle] = useState(reply?.title ?? '')
  const [body, setBody] = useState(reply?.body ?? '')
  const [error, setError] = useState<unknown>(undefined)
  const [saving, setSaving] = useState(false)
  const hintId = useId()

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    setSaving(true)
    setError(undefined)
    try {
      const fields = { language, title, body }
      if (reply) await api.invoke('canned:update', { id: reply.id, ...fields })
      else await api.invoke('canned:create', { workspaceId, ...fields })
      onDone()
    } catch (err) {
      setError(err)
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="canned-form" onSubmit={(e) => void submit(e)}>
      <div className="field-row">
        <label className="field">
          <span>{t('composer.canned.language')}</span>
          <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {LANGUAGES.map((lng) => (
              <option key={lng} value={lng}>
                {t(`language.${lng}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field grow">
          <span>{t('composer.canned.titleField')}</span>
          <input value={title} required maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        </label>
      </div>
      <label className="field">
        <span>{t('composer.canned.bodyField')}</span>
        <textarea
          value={body}
          required
          rows={5}
          maxLength={10_000}
          aria-describedby={hintId}
          onChange={(e) => setBody(e.target.value)}
        />
      </label>
      <p id={hintId} className="muted small">
        {t('composer.canned.variables')}{' '}
        {TEMPLATE_VARIABLES.map((v) => (
          <code key={v}>{`{{${v}}}`}</code>
        ))}
      </p>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="button" onClick={onDone}>
          {t('composer.canned.cancel')}
        </button>
        <button type="submit" disabled={saving}>
          {t('composer.canned.save')}
        </button>
      </div>
    </form>
  )
}
