import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SlaPolicy } from '../../../../shared/contract'
import { api } from '../../api/client'
import { useQuery } from '../../api/hooks'
import { ErrorMessage, Loading } from '../../components/Feedback'
import { BusinessHoursField, HolidaysField, NumberField, TimeField, TimeZoneField } from './PolicyFields'
import { fromForm, toForm, type FormProblem, type PolicyForm } from './policyForm'

/** The workspace's response-time policy: business hours, holidays, reply targets, real-time care and reach alerts. */
export function PolicyView({ workspaceId }: { workspaceId: number }) {
  const { t } = useTranslation()
  const { data, error } = useQuery(`policy:${workspaceId}`, () => api.invoke('policy:get', { workspaceId }))
  return (
    <section className="view policy" aria-labelledby="policy-heading">
      <div className="view-head">
        <h2 id="policy-heading">{t('policy.heading')}</h2>
      </div>
      <p className="muted">{t('policy.intro')}</p>
      <ErrorMessage error={error} />
      {data ? <PolicyEditor key={workspaceId} workspaceId={workspaceId} policy={data} /> : !error && <Loading />}
    </section>
  )
}

function PolicyEditor({ workspaceId, policy }: { workspaceId: number; policy: SlaPolicy }) {
  const { t } = useTranslation()
  const [form, setForm] = useState(() => toForm(policy))
  const [problem, setProblem] = useState<FormProblem | null>(null)
  const [error, setError] = useState<unknown>(undefined)
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState(false)
  const patch = (change: Partial<PolicyForm>) => {
    setForm((f) => ({ ...f, ...change }))
    setSaved(false)
  }

  const save = async (e: FormEvent) => {
    e.preventDefault()
    const result = fromForm(form)
    setProblem('problem' in result ? result.problem : null)
    setError(undefined)
    if ('problem' in result) return
    setSaving(true)
    try {
      setForm(toForm(await api.invoke('policy:set', { workspaceId, policy: result.policy })))
      setSaved(true)
    } catch (err) {
      setError(err)
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="policy-form" onSubmit={(e) => void save(e)} aria-labelledby="policy-heading">
      <TimeZoneField value={form.timeZone} onChange={(timeZone) => patch({ timeZone })} />
      <BusinessHoursField days={form.days} onChange={(days) => patch({ days })} />
      <HolidaysField holidays={form.holidays} onChange={(holidays) => patch({ holidays })} />
      <fieldset>
        <legend>{t('policy.targets')}</legend>
        <NumberField
          label={t('policy.firstReply')}
          min={1}
          value={form.firstReplyMinutes}
          onChange={(v) => patch({ firstReplyMinutes: v })}
        />
        <NumberField
          label={t('policy.nextReply')}
          min={1}
          value={form.nextReplyMinutes}
          onChange={(v) => patch({ nextReplyMinutes: v })}
        />
        <NumberField
          label={t('policy.dueSoon')}
          min={0}
          value={form.dueSoonMinutes}
          onChange={(v) => patch({ dueSoonMinutes: v })}
        />
      </fieldset>
      <fieldset>
        <legend>{t('policy.realtime')}</legend>
        <label className="field inline">
          <input
            type="checkbox"
            checked={form.realtimeEnabled}
            onChange={(e) => patch({ realtimeEnabled: e.target.checked })}
          />
          <span>{t('policy.realtimeEnabled')}</span>
        </label>
        <div className="field-row">
          <TimeField
            label={t('policy.realtimeFrom')}
            value={form.realtimeFrom}
            disabled={!form.realtimeEnabled}
            onChange={(v) => patch({ realtimeFrom: v })}
          />
          <TimeField
            label={t('policy.realtimeTo')}
            value={form.realtimeTo}
            disabled={!form.realtimeEnabled}
            onChange={(v) => patch({ realtimeTo: v })}
          />
        </div>
        <NumberField
          label={t('policy.realtimeReply')}
          min={1}
          value={form.realtimeMinutes}
          onChange={(v) => patch({ realtimeMinutes: v })}
        />
      </fieldset>
      <fieldset>
        <legend>{t('policy.reach')}</legend>
        <NumberField
          label={t('policy.reachFollowers')}
          min={1}
          value={form.reachAlertFollowers}
          onChange={(v) => patch({ reachAlertFollowers: v })}
        />
      </fieldset>
      {problem && (
        <p role="alert" className="error">
          {t(`policy.problem.${problem}`)}
        </p>
      )}
      <ErrorMessage error={error} />
      <div className="field-row">
        <button type="submit" disabled={saving}>
          {t('policy.save')}
        </button>
        <span role="status" className="muted">
          {saved ? t('policy.saved') : ''}
        </span>
      </div>
    </form>
  )
}
