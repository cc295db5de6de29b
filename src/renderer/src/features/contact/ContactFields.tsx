import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContactProfile } from '../../../../shared/commands/contacts'
import { api } from '../../api/client'
import { useQuery } from '../../api/hooks'
import type { Act } from './useAct'

/** Custom fields: the workspace's own names ("Kundennummer", "Telefon") with one value each. */
export function ContactFields({ contact, act }: { contact: ContactProfile; act: Act }) {
  const { t } = useTranslation()
  const [key, setKey] = useState('')
  const [value, setValue] = useState('')
  const workspaceId = contact.workspaceId
  // Keyed by the number of fields, so a name just used is offered at once.
  const { data: knownKeys } = useQuery(`field-keys:${workspaceId}:${contact.fields.length}`, () =>
    api.invoke('contact:fieldKeys', { workspaceId }),
  )
  const save = (k: string, v: string | null) =>
    act(() => api.invoke('contact:setField', { contactId: contact.id, key: k, value: v }))
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    if (!key.trim() || !value.trim()) return
    if (await save(key.trim(), value.trim())) {
      setKey('')
      setValue('')
    }
  }
  return (
    <section className="contact-section" aria-labelledby="contact-fields-heading">
      <h3 id="contact-fields-heading">{t('contact.fields')}</h3>
      {contact.fields.length === 0 && <p className="muted small">{t('contact.noFields')}</p>}
      <dl className="contact-fields">
        {contact.fields.map((f) => (
          <div key={f.key} className="contact-field">
            <dt>{f.key}</dt>
            <dd>{f.value}</dd>
            <button
              type="button"
              className="link small"
              aria-label={t('contact.editField', { key: f.key })}
              onClick={() => {
                setKey(f.key)
                setValue(f.value)
              }}
            >
              {t('contact.edit')}
            </button>
            <button
              type="button"
              className="tag-remove"
              aria-label={t('contact.removeField', { key: f.key })}
              onClick={() => void save(f.key, null)}
            >
              ×
            </button>
          </div>
        ))}
      </dl>
      <form className="field-row wrap" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('contact.fieldName')}</span>
          <input
            value={key}
            maxLength={60}
            size={14}
            list="contact-field-keys"
            onChange={(e) => setKey(e.target.value)}
          />
          <datalist id="contact-field-keys">
            {knownKeys?.map((k) => (
              <option key={k} value={k} />
            ))}
          </datalist>
        </label>
        <label className="field grow">
          <span>{t('contact.fieldValue')}</span>
          <input value={value} maxLength={1000} onChange={(e) => setValue(e.target.value)} />
        </label>
        <button type="submit" disabled={!key.trim() || !value.trim()}>
          {t('contact.saveField')}
        </button>
      </form>
    </section>
  )
}
