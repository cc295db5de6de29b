import { useTranslation } from 'react-i18next'
import { ConnectBluesky } from './ConnectBluesky'
import { ConnectFacebook } from './ConnectFacebook'
import { ConnectMastodon } from './ConnectMastodon'
import { ConnectX } from './ConnectX'

/** Every way to connect a provider account from the app, one panel each. */
export function ConnectAccounts({ workspaceId }: { workspaceId: number }) {
  const { t } = useTranslation()
  return (
    <section className="connect-accounts" aria-labelledby="connect-heading">
      <h2 id="connect-heading">{t('connect.heading')}</h2>
      <ConnectX workspaceId={workspaceId} />
      <ConnectFacebook workspaceId={workspaceId} />
      <ConnectBluesky workspaceId={workspaceId} />
      <ConnectMastodon workspaceId={workspaceId} />
    </section>
  )
}
