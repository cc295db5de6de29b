import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  OUTCOME_KINDS,
  type ContactProfile,
  type OutcomeKind,
  type SalesOutcome,
} from '../../../../shared/commands/contacts'
import { api } from '../../api/client'
import { formatCompact } from '../../components/format'
import { amountForInput, formatMoney, parseAmount } from './money'
import type { Act } from './useAct'

const DEFAULT_CURRENCY = 'EUR'

/** Shows the new state at once; remounted (by key) when the stored flag changes, and reset if saving fails. */
export function VipToggle({ contact, act }: { contact: ContactProfile; act: Act }) {
  const { t } = useTranslation()
  const [checked, setChecked] = useState(contact.vip)
  const change = async (vip: boolean): Promise<void> => {
    setChecked(vip)
    if (!(await act(() => api.invoke('contact:setVip', { contactId: contact.id, vip })))) setChecked(contact.vip)
  }
  return (
    <label className="field inline">
      <input type="checkbox" checked={checked} onChange={(e) => void change(e.target.checked)} />
      <span>{t('contact.vipLabel')}</span>
    </label>
  )
}

/** "Sale · 129,90 €", "Lost": what the contact view's header shows. */
export function OutcomeSummary({ outcome }: { outcome: ContactProfile['outcome'] }) {
  const { t, i18n } = useTranslation()
  if (!outcome) return null
  const label = t(`contact.outcomeKind.${outcome.kind}`)
  return (
    <span className={`badge outcome outcome-${outcome.kind}`}>
      {outcome.kind === 'sale'
        ? `${label} · ${formatMoney(i18n.language, outcome.valueMinor, outcome.currency)}`
        : label}
    </span>
  )
}

/** Remounted (by key) when the stored outcome changes, so the draft starts from what is saved. */
export function OutcomeForm({ contact, act }: { contact: ContactProfile; act: Act }) {
  const { t, i18n } = useTranslation()
  const saved = contact.outcome
  const [kind, setKind] = useState<OutcomeKind | ''>(saved?.kind ?? '')
  const [amount, setAmount] = useState(saved?.kind === 'sale' ? amountForInput(i18n.language, saved.valueMinor) : '')
  const [currency, setCurrency] = useState(saved?.kind === 'sale' ? saved.currency : DEFAULT_CURRENCY)
  const [invalid, setInvalid] = useState(false)

  const submit = (e: FormEvent): void => {
    e.preventDefault()
    const outcome = toOutcome(kind, amount, currency)
    setInvalid(outcome === undefined)
    if (outcome !== undefined) void act(() => api.invoke('contact:setOutcome', { contactId: contact.id, outcome }))
  }
  return (
    <section className="contact-section" aria-labelledby="outcome-heading">
      <h3 id="outcome-heading">{t('contact.outcome')}</h3>
      <form className="field-row wrap" onSubmit={submit}>
        <label className="field">
          <span>{t('contact.outcomeKindLabel')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as OutcomeKind | '')}>
            <option value="">{t('contact.outcomeNone')}</option>
            {OUTCOME_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`contact.outcomeKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {kind === 'sale' && (
          <>
            <label className="field">
              <span>{t('contact.saleValue')}</span>
              <input
                value={amount}
                inputMode="decimal"
                size={10}
                aria-invalid={invalid}
                onChange={(e) => setAmount(e.target.value)}
              />
            </label>
            <label className="field">
              <span>{t('contact.currency')}</span>
              <input
                value={currency}
                size={4}
                maxLength={3}
                pattern="[A-Za-z]{3}"
                onChange={(e) => setCurrency(e.target.value.toUpperCase())}
              />
            </label>
          </>
        )}
        <button type="submit">{t('contact.saveOutcome')}</button>
      </form>
      {invalid && (
        <p className="error-detail" role="alert">
          {t('contact.saleValueInvalid')}
        </p>
      )}
    </section>
  )
}

/** The outcome to store, null for none, or undefined when the sale's amount or currency is not valid. */
function toOutcome(kind: OutcomeKind | '', amount: string, currency: string): SalesOutcome | null | undefined {
  if (kind === '') return null
  if (kind !== 'sale') return { kind }
  const valueMinor = parseAmount(amount)
  const code = currency.trim().toUpperCase()
  return valueMinor === null || !/^[A-Z]{3}$/.test(code) ? undefined : { kind, valueMinor, currency: code }
}

/** Reach typed in by hand; remounted (by key) when the stored value changes. */
export function ReachForm({ contact, act }: { contact: ContactProfile; act: Act }) {
  const { t, i18n } = useTranslation()
  const [draft, setDraft] = useState(contact.reachOverride === null ? '' : String(contact.reachOverride))
  const setReach = (reach: number | null) =>
    void act(() => api.invoke('contact:setReach', { contactId: contact.id, reach }))
  const submit = (e: FormEvent): void => {
    e.preventDefault()
    const reach = Number(draft)
    if (draft.trim() !== '' && Number.isSafeInteger(reach) && reach >= 0) setReach(reach)
  }
  return (
    <section className="contact-section" aria-labelledby="reach-heading">
      <h3 id="reach-heading">{t('contact.reachHeading')}</h3>
      <p className="muted small">{t('contact.reachNow', { reach: formatCompact(i18n.language, contact.reach) })}</p>
      <form className="field-row" onSubmit={submit}>
        <label className="field">
          <span>{t('contact.reachOverride')}</span>
          <input type="number" min={0} step={1} value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <button type="submit">{t('contact.saveReach')}</button>
        {contact.reachOverride !== null && (
          <button type="button" className="secondary" onClick={() => setReach(null)}>
            {t('contact.clearReach')}
          </button>
        )}
      </form>
    </section>
  )
}
