import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_UNDO_SECONDS } from '../../../../shared/commands/composer'
import type { ComposerSettings } from '../../../../shared/contract'
import { api } from '../../api/client'
import { ErrorMessage } from '../../components/Feedback'

/** The name canned replies sign with, and how long a sent reply can still be taken back. */
export function ComposerSettingsForm({ settings }: { settings: ComposerSettings }) {
  const { t } = useTranslation()
  const [agentName, setAgentName] = useState(settings.agentName ?? '')
  const [undoSeconds, setUndoSeconds] = useState(String(settings.undoSeconds))
  const [state, setState] = useState<{ saved: boolean; error: unknown }>({ saved: false, error: undefined })

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    try {
      await api.invoke('composer:setSettings', {
        agentName: agentName.trim() || null,
        undoSeconds: Number(undoSeconds),
      })
      setState({ saved: true, error: undefined })
    } catch (error) {
      setState({ saved: false, error })
    }
  }

  return (
    <form className="composer-settings" onSubmit={(e) => void submit(e)}>
      <div className="field-row">
        <label className="field grow">
          <span>{t('composer.settings.agentName', { variable: '{{agent.name}}' })}</span>
          <input
            value={agentName}
            maxLength={200}
            autoComplete="name"
            onChange={(e) => {
              setAgentName(e.target.value)
              setState({ saved: false, error: undefined })
            }}
          />
        </label>
        <label className="field">
          <span>{t('composer.settings.undoSeconds')}</span>
          <input
            type="number"
            min={0}
            max={MAX_UNDO_SECONDS}
            step={1}
            required
            value={undoSeconds}
            onChange={(e) => {
              setUndoSeconds(e.target.value)
              setState({ saved: false, error: undefined })
            }}
          />
        </label>
        <button type="submit">{t('composer.settings.save')}</button>
      </div>
      <p role="status" className="muted small">
        {state.saved ? t('composer.settings.saved') : ''}
      </p>
      <ErrorMessage error={state.error} />
    </form>
  )
}
