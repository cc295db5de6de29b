import { useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CannedReply } from '../../../../shared/contract'
import { expandTemplate, type TemplateValues } from '../../../../shared/templates'
import { ErrorMessage } from '../../components/Feedback'
import { filterCanned, stepIndex } from './cannedFilter'
import { useCannedReplies } from './useComposerData'

interface CannedPickerProps {
  workspaceId: number
  values: Partial<TemplateValues>
  /** The chosen reply with its variables filled in. */
  onPick: (text: string) => void
  onManage: () => void
}

/**
 * "Canned replies": a button that opens a filter field over the workspace's canned replies. ARIA
 * combobox with a listbox: focus stays in the field, the arrow keys move the active option, Enter
 * inserts it, Escape closes and returns to the button. Options preview the filled-in text.
 */
export function CannedPicker({ workspaceId, values, onPick, onManage }: CannedPickerProps) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const close = (refocus: boolean): void => {
    setOpen(false)
    if (refocus) button.current?.focus()
  }
  // Focus moving anywhere outside the picker closes it, as a menu would.
  const onBlur = (e: FocusEvent<HTMLDivElement>): void => {
    if (!e.currentTarget.contains(e.relatedTarget)) setOpen(false)
  }
  return (
    <div className="canned-picker" onBlur={onBlur}>
      <button ref={button} type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('composer.canned.button')}
      </button>
      {open && (
        <CannedSearch
          workspaceId={workspaceId}
          values={values}
          onPick={(text) => {
            close(false)
            onPick(text)
          }}
          onManage={() => {
            close(false)
            onManage()
          }}
          onEscape={() => close(true)}
        />
      )}
    </div>
  )
}

interface CannedSearchProps extends CannedPickerProps {
  onEscape: () => void
}

function CannedSearch({ workspaceId, values, onPick, onManage, onEscape }: CannedSearchProps) {
  const { t, i18n } = useTranslation()
  const replies = useCannedReplies(workspaceId)
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const id = useId()
  const options = filterCanned(replies.data ?? [], query, i18n.resolvedLanguage ?? 'en')
  const current = Math.min(active, Math.max(0, options.length - 1))
  const optionId = (index: number) => `${id}-option-${index}`
  const pick = (reply: CannedReply) => onPick(expandTemplate(reply.body, values))

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      setActive(stepIndex(options.length, current, e.key === 'ArrowDown' ? 1 : -1))
    } else if (e.key === 'Enter') {
      // Inside the composer's form: Enter picks, it never sends.
      e.preventDefault()
      const reply = options[current]
      if (reply) pick(reply)
    } else if (e.key === 'Escape') {
      // The picker's Escape: it must not also close the conversation or a dialog around it.
      e.preventDefault()
      e.stopPropagation()
      onEscape()
    }
  }

  return (
    <div className="canned-popover">
      <input
        type="text"
        role="combobox"
        autoFocus
        aria-label={t('composer.canned.search')}
        placeholder={t('composer.canned.search')}
        aria-expanded={options.length > 0}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={options.length > 0 ? optionId(current) : undefined}
        value={query}
        maxLength={200}
        onChange={(e) => {
          setQuery(e.target.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={`${id}-list`} role="listbox" aria-label={t('composer.canned.list')} className="canned-options">
        {options.map((reply, index) => (
          <li
            key={reply.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            aria-label={`${reply.title} (${t(`language.${reply.language}`)})`}
            className={index === current ? 'option active' : 'option'}
            // Keep the focus in the field: a click must not close the picker before it picks.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(reply)}
          >
            <span className="badge">{reply.language.toUpperCase()}</span> <span className="strong">{reply.title}</span>
            <span className="canned-preview muted">{expandTemplate(reply.body, values)}</span>
          </li>
        ))}
      </ul>
      <p role="status" className="muted small">
        {replies.data?.length === 0
          ? t('composer.canned.empty')
          : options.length === 0 && !replies.loading
            ? t('composer.canned.none')
            : t('composer.canned.hint')}
      </p>
      <ErrorMessage error={replies.error} />
      <button type="button" className="link" onClick={onManage}>
        {t('composer.canned.manage')}
      </button>
    </div>
  )
}
