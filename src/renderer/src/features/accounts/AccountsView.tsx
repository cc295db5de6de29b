import { useTranslation } from 'react-i18next'
import { ErrorMessage, Loading } from '../../components/Feedback'
import { useNow } from '../../components/useNow'
import { ConnectAccounts } from '../connect/ConnectAccounts'
import { ImportMail } from '../import/ImportMail'
import { AccountItem } from './AccountItem'
import { useAccounts } from './useAccounts'

export function AccountsView({ workspaceId }: { workspaceId: number }) {
  const { t } = useTranslation()
  const now = useNow()
  const { accounts, error, loading, retryAt } = useAccounts(workspaceId)
  return (
    <section className="view accounts" aria-labelledby="accounts-heading">
      <div className="view-head">
        <h2 id="accounts-heading">{t('accounts.heading')}</h2>
        <ImportMail workspaceId={workspaceId} />
      </div>
      <ErrorMessage error={error} />
      {!accounts && loading && <Loading />}
      {accounts?.length === 0 && <p className="empty">{t('accounts.empty')}</p>}
      <ul className="accounts-list" aria-labelledby="accounts-heading">
        {accounts?.map((a) => (
          <AccountItem key={a.id} account={a} now={now} retryAt={retryAt.get(a.id)} />
        ))}
      </ul>
      <ConnectAccounts workspaceId={workspaceId} />
    </section>
  )
}
