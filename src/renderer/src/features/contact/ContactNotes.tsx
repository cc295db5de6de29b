import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContactProfile } from '../../../../shared/commands/contacts'
import { api } from '../../api/client'
import { formatDateTime } from '../../components/format'
import type { Act } from './useAct'

/** Notes about the person (not one conversation), newest first; only the team ever sees them. */
export function ContactNotes({ contact, act }: { contact: ContactProfile; act: Act }) {
  const { t, i18n } = useTranslation()
  const [body, setBody] = useState('')
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    if (!body.trim()) return
    if (await act(() => api.invoke('contact:addNote', { contactId: contact.id, body }))) setBody('')
  }
  return (
    <section className="contact-section" aria-labelledby="contact-notes-heading">
      <h3 id="contact-notes-heading">{t('contact.notes')}</h3>
      <form className="note-form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('contact.newNote')}</span>
          <textarea
            value={body}
            rows={2}
            maxLength={10_000}
            placeholder={t('contact.notePlaceholder')}
            onChange={(e) => setBody(e.target.value)}
          />
        </label>
        <button type="submit" disabled={!body.trim()}>
          {t('contact.addNote')}
        </button>
      </form>
      <ul className="contact-notes" aria-label={t('contact.notes')}>
        {contact.notes.map((note) => {
          const time = formatDateTime(i18n.language, note.createdAt)
          return (
            <li key={note.id} className="contact-note">
              <p className="muted small">
                {note.author} · <time dateTime={new Date(note.createdAt).toISOString()}>{time}</time>
              </p>
              <p className="note-body">{note.body}</p>
              <button
                type="button"
                className="link small"
                aria-label={t('contact.deleteNote', { author: note.author, time })}
                onClick={() => void act(() => api.invoke('contact:deleteNote', { noteId: note.id }))}
              >
                {t('contact.delete')}
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
