import { Fragment, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { WEEKDAYS, type DayForm } from './policyForm'

/** "Monday" / "Montag" for an ISO weekday (1 January 2024 was a Monday). */
const weekdayName = (lang: string, weekday: number): string =>
  new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, weekday))

export function TimeZoneField({ value, onChange }: { value: string; onChange: (zone: string) => void }) {
  const { t } = useTranslation()
  const zones = useMemo(() => {
    const known = Intl.supportedValuesOf('timeZone')
    return known.includes(value) ? known : [value, ...known]
  }, [value])
  return (
    <label className="field">
      <span>{t('policy.timeZone')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </select>
    </label>
  )
}

export function BusinessHoursField({ days, onChange }: { days: DayForm[]; onChange: (days: DayForm[]) => void }) {
  const { t, i18n } = useTranslation()
  const patch = (weekday: number, change: Partial<DayForm>) =>
    onChange(days.map((d) => (d.weekday === weekday ? { ...d, ...change } : d)))
  return (
    <fieldset>
      <legend>{t('policy.hours')}</legend>
      <div className="policy-hours">
        {WEEKDAYS.map((weekday) => {
          const day = days.find((d) => d.weekday === weekday)!
          const name = weekdayName(i18n.language, weekday)
          return (
            <Fragment key={weekday}>
              <label className="field inline">
                <input
                  type="checkbox"
                  checked={day.open}
                  onChange={(e) => patch(weekday, { open: e.target.checked })}
                />
                <span>{name}</span>
              </label>
              <label className="field">
                <span>{t('policy.opens')}</span>
                <input
                  type="time"
                  aria-label={t('policy.opensOn', { day: name })}
                  value={day.opens}
                  disabled={!day.open}
                  onChange={(e) => patch(weekday, { opens: e.target.value })}
                />
              </label>
              <label className="field">
                <span>{t('policy.closes')}</span>
                <input
                  type="time"
                  aria-label={t('policy.closesOn', { day: name })}
                  value={day.closes}
                  disabled={!day.open}
                  onChange={(e) => patch(weekday, { closes: e.target.value })}
                />
              </label>
            </Fragment>
          )
        })}
      </div>
      <p className="hint">{t('policy.midnightHint')}</p>
    </fieldset>
  )
}

export function HolidaysField({ holidays, onChange }: { holidays: string[]; onChange: (holidays: string[]) => void }) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState('')
  const add = () => {
    if (draft && !holidays.includes(draft)) onChange([...holidays, draft].sort())
    setDraft('')
  }
  return (
    <fieldset>
      <legend>{t('policy.holidays')}</legend>
      {holidays.length === 0 ? (
        <p className="hint">{t('policy.noHolidays')}</p>
      ) : (
        <ul className="policy-holidays" aria-label={t('policy.holidays')}>
          {holidays.map((day) => (
            <li key={day} className="tag">
              <time dateTime={day}>{day}</time>
              <button
                type="button"
                className="tag-remove"
                aria-label={t('policy.removeHoliday', { date: day })}
                onClick={() => onChange(holidays.filter((h) => h !== day))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field-row">
        <label className="field">
          <span>{t('policy.holidayDate')}</span>
          <input type="date" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <button type="button" className="secondary" disabled={!draft} onClick={add}>
          {t('policy.addHoliday')}
        </button>
      </div>
    </fieldset>
  )
}

/** A whole number typed as text, so an empty or half-typed field stays as the user left it. */
export function NumberField(props: { label: string; value: string; min: number; onChange: (value: string) => void }) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="number"
        inputMode="numeric"
        min={props.min}
        step={1}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  )
}

export function TimeField(props: {
  label: string
  value: string
  disabled?: boolean
  onChange: (value: string) => void
}) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="time"
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  )
}
