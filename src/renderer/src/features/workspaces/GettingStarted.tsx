import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { useDbChanged, useQuery } from '../../api/hooks'
import { useRoute } from '../../app/routeStore'

/**
 * What a workspace without a single conversation shows above its inbox: where conversations come
 * from and the two ways to get them. Renders nothing once the workspace has any conversation.
 */
export function GettingStarted({ workspaceId }: { workspaceId: number }) {
  const { t } = useTranslation()
  const { data: workspaces, reload } = useQuery(`getting-started:${workspaceId}`, () =>
    api.invoke('workspaces:list', {}),
  )
  const workspace = workspaces?.find((w) => w.id === workspaceId)
  // Only an empty workspace waits for its first conversation; a busy one is not re-counted on every sync.
  const empty = workspace === undefined || workspace.conversationCount === 0
  useDbChanged(['workspaces', 'conversations'], workspaceId, () => {
    if (empty) reload()
  })
  const connectHint = useId()
  if (!workspace || workspace.conversationCount > 0) return null
  const route = useRoute.getState()
  return (
    <section className="getting-started" aria-labelledby="getting-started-heading">
      <h3 id="getting-started-heading">{t('workspaces.emptyHeading', { name: workspace.name })}</h3>
      <p>{t('workspaces.emptyBody')}</p>
      <div className="actions">
        <button type="button" aria-describedby={connectHint} onClick={() => route.showView('accounts')}>
          {t('workspaces.emptyConnect')}
        </button>
        {/* An empty pick opens the import dialog with nothing filled in yet. */}
        <button type="button" onClick={() => route.requestImport([])}>
          {t('workspaces.emptyImport')}
        </button>
      </div>
      <p id={connectHint} className="muted small">
        {t('workspaces.emptyConnectHint')} <code>{t('workspaces.emptyConnectCommand')}</code>
      </p>
    </section>
  )
}
