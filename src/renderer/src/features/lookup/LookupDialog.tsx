import { useEffect, useId, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContactHit } from '../../../../shared/domain'
import { api } from '../../api/client'
import { useQuery } from '../../api/hooks'
import { useRoute } from '../../app/routeStore'
import { Reach } from '../../components/Badges'
import { ErrorMessage } from '../../components/Feedback'
import { Modal } from '../triage/Modal'
import { filterCommands, stepActive, type PaletteCommand } from './palette'
import { usePaletteCommands } from './usePaletteCommands'

/** Contacts are looked up once typing pauses, not per keystroke. */
const TYPING_PAUSE_MS = 150

type Option = { kind: 'contact'; contact: ContactHit } | { kind: 'command'; command: PaletteCommand }

/**
 * Ctrl/Cmd+K, "Who is this?": contacts by name, email address, handle or phone number, and the
 * commands of the palette, in one list. ARIA combobox with a listbox popup: focus stays in the field,
 * the arrow keys move the active option (aria-activedescendant), Enter takes it, Escape closes.
 */
export function LookupDialog({ onClosed }: { onClosed: () => void }) {
  const { t } = useTranslation()
  const workspaceId = useRoute((s) => s.workspaceId)
  const openContact = useRoute((s) => s.openContact)
  const [query, setQuery] = useState('')
  const [settled, setSettled] = useState('')
  const [active, setActive] = useState(0)
  const id = useId()
  useEffect(() => {
    const timer = setTimeout(() => setSettled(query.trim()), TYPING_PAUSE_MS)
    return () => clearTimeout(timer)
  }, [query])

  const lookup = useQuery(workspaceId !== null && settled ? `lookup:${workspaceId}:${settled}` : null, () =>
    api.invoke('contacts:lookup', { workspaceId: workspaceId!, query: settled }),
  )
  const contacts = settled ? (lookup.data ?? []) : []
  const commands = filterCommands(usePaletteCommands(query), query)
  const options: Option[] = [
    ...contacts.map((contact) => ({ kind: 'contact' as const, contact })),
    ...commands.map((command) => ({ kind: 'command' as const, command })),
  ]
  const current = Math.min(active, options.length - 1)
  const optionId = (index: number) => `${id}-option-${index}`

  const choose = (option: Option, close: () => void): void => {
    close()
    if (option.kind === 'contact') openContact(option.contact.contactId)
    else option.command.run()
  }
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, close: () => void): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      setActive(stepActive(options.length, current, e.key === 'ArrowDown' ? 1 : -1))
    } else if (e.key === 'Enter') {
      e.preventDefault()
      const option = options[current]
      if (option) choose(option, close)
    }
  }

  const renderOption = (option: Option, index: number, close: () => void) => (
    <li
      key={option.kind === 'contact' ? `c${option.contact.contactId}` : option.command.id}
      id={optionId(index)}
      role="option"
      aria-selected={index === current}
      className={index === current ? 'option active' : 'option'}
      // Keep the focus in the field: a click must not move it to the list.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => choose(option, close)}
    >
      {option.kind === 'contact' ? (
        <>
          <span className="strong">{option.contact.displayName}</span>{' '}
          <span className="muted">{option.contact.handles.slice(0, 3).join(' ')}</span>{' '}
          <Reach reach={option.contact.reach} />
        </>
      ) : (
        option.command.label
      )}
    </li>
  )

  return (
    <Modal labelledBy={`${id}-title`} className="lookup" onClosed={onClosed}>
      {(close) => (
        <>
          <h2 id={`${id}-title`}>{t('lookup.title')}</h2>
          <input
            type="text"
            role="combobox"
            autoFocus
            aria-label={t('lookup.label')}
            aria-expanded={options.length > 0}
            aria-controls={`${id}-list`}
            aria-autocomplete="list"
            aria-activedescendant={options.length > 0 ? optionId(current) : undefined}
            placeholder={t('lookup.placeholder')}
            value={query}
            maxLength={200}
            onChange={(e) => {
              setQuery(e.target.value)
              setActive(0)
            }}
            onKeyDown={(e) => onKeyDown(e, close)}
          />
          <div id={`${id}-list`} role="listbox" aria-label={t('lookup.results')} className="lookup-results">
            {contacts.length > 0 && (
              <ul role="group" aria-label={t('lookup.contacts')}>
                {contacts.map((_, i) => renderOption(options[i]!, i, close))}
              </ul>
            )}
            {commands.length > 0 && (
              <ul role="group" aria-label={t('lookup.commands')}>
                {commands.map((_, i) => renderOption(options[contacts.length + i]!, contacts.length + i, close))}
              </ul>
            )}
          </div>
          <p role="status" className="muted small">
            {settled && !lookup.loading && contacts.length === 0 ? t('lookup.noContacts') : t('lookup.hint')}
          </p>
          <ErrorMessage error={lookup.error} />
        </>
      )}
    </Modal>
  )
}
