import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { useDbChanged, useQuery } from '../../api/hooks'
import { useRoute } from '../../app/routeStore'
import { ErrorMessage, Loading } from '../../components/Feedback'
import { useAct } from '../contact/useAct'
import { SuggestionItem } from './SuggestionItem'

/** Contacts that are probably one person, most certain first; merging opens the merged contact. */
export function MergeSuggestionsView({ workspaceId }: { workspaceId: number }) {
  const { t } = useTranslation()
  const openContact = useRoute((s) => s.openContact)
  const { data, error, loading, reload } = useQuery(`merge-suggestions:${workspaceId}`, () =>
    api.invoke('merge:suggestions', { workspaceId, limit: 100 }),
  )
  useDbChanged(['contacts'], workspaceId, reload)
  const { act, error: actionError } = useAct(reload)
  const merge = (survivorId: number, absorbedId: number) =>
    void act(async () => {
      await api.invoke('contact:merge', { survivorId, absorbedId })
      openContact(survivorId)
    })
  const dismiss = (a: number, b: number) => void act(() => api.invoke('merge:dismiss', { contactIds: [a, b] }))

  return (
    <section className="view merges" aria-labelledby="merges-heading">
      <div className="view-head">
        <h2 id="merges-heading">{t('merges.heading')}</h2>
      </div>
      <p className="muted">{t('merges.intro')}</p>
      <ErrorMessage error={actionError ?? error} />
      {!data && loading && <Loading />}
      {data?.length === 0 && <p className="empty">{t('merges.none')}</p>}
      {data && data.length > 0 && (
        <ul className="suggestions" aria-label={t('merges.list')}>
          {data.map((s) => (
            <SuggestionItem
              key={s.contacts.map((c) => c.id).join('+')}
              suggestion={s}
              onMerge={merge}
              onDismiss={dismiss}
            />
          ))}
        </ul>
      )}
    </section>
  )
}
