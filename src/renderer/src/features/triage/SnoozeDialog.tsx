import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../components/format'
import { runBulk } from './actions'
import { Modal } from './Modal'
import { checkSnoozeInput, snoozePresets, toLocalInputValue, tomorrowMorning } from './snoozeTimes'

/** Snooze until a preset (later today, tomorrow morning, next week) or a date and time the user enters. */
export function SnoozeDialog({ ids, onClosed }: { ids: number[]; onClosed: () => void }) {
  const { t, i18n } = useTranslation()
  const [now] = useState(() => new Date())
  const [value, setValue] = useState(() => toLocalInputValue(tomorrowMorning(now)))
  const [problem, setProblem] = useState<'invalid' | 'inPast' | null>(null)

  const snooze = async (until: number, close: () => void): Promise<void> => {
    if (await runBulk(ids, { kind: 'snooze', until })) close()
  }
  // Checked here rather than by the browser, so the message is in the app's language.
  const submit = (e: FormEvent, close: () => void): void => {
    e.preventDefault()
    const { until, problem } = checkSnoozeInput(value)
    setProblem(problem)
    if (until !== null) void snooze(until, close)
  }

  return (
    <Modal labelledBy="snooze-title" className="triage-dialog" onClosed={onClosed}>
      {(close) => (
        <>
          <h2 id="snooze-title">{t('triage.snooze.title')}</h2>
          <p className="muted">{t('triage.conversations', { count: ids.length })}</p>
          <ul className="presets" aria-label={t('triage.snooze.presets')}>
            {snoozePresets(now).map((p) => (
              <li key={p.id}>
                <button type="button" onClick={() => void snooze(p.at, close)}>
                  {t(`triage.snooze.${p.id}`)} <span className="muted">{formatDateTime(i18n.language, p.at)}</span>
                </button>
              </li>
            ))}
          </ul>
          <form noValidate onSubmit={(e) => submit(e, close)}>
            <label className="field">
              <span>{t('triage.snooze.custom')}</span>
              <input
                type="datetime-local"
                value={value}
                min={toLocalInputValue(now.getTime())}
                aria-invalid={problem !== null || undefined}
                aria-describedby={problem ? 'snooze-problem' : undefined}
                onChange={(e) => setValue(e.target.value)}
              />
            </label>
            {problem && (
              <p id="snooze-problem" role="alert" className="error">
                {t(`triage.snooze.${problem}`)}
              </p>
            )}
            <div className="actions">
              <button type="button" className="secondary" onClick={close}>
                {t('triage.cancel')}
              </button>
              <button type="submit">{t('triage.snooze.submit')}</button>
            </div>
          </form>
        </>
      )}
    </Modal>
  )
}
