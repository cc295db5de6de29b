import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { WatchedFeed } from '../../../../shared/contract'
import { api } from '../../api/client'
import { ErrorMessage, Loading } from '../../components/Feedback'
import { formatRelative } from '../../components/format'
import { useNow } from '../../components/useNow'
import { parseKeywords } from './keywords'
import { useFeeds } from './useFeeds'

/** The web watch: RSS and Atom feeds (blogs, review sites, news alerts) whose entries naming the shop become mentions. */
export function FeedsView({ workspaceId }: { workspaceId: number }) {
  const { t } = useTranslation()
  const { data: feeds, error, loading } = useFeeds(workspaceId)
  const [checking, setChecking] = useState(false)
  const [checkError, setCheckError] = useState<unknown>(undefined)
  const checkAll = async (): Promise<void> => {
    setChecking(true)
    setCheckError(undefined)
    try {
      await api.invoke('watch:check', { workspaceId })
    } catch (err) {
      setCheckError(err)
    } finally {
      setChecking(false)
    }
  }
  return (
    <section className="view feeds" aria-labelledby="feeds-heading">
      <div className="view-head">
        <h2 id="feeds-heading">{t('watch.heading')}</h2>
        <button type="button" disabled={checking || !feeds?.length} onClick={() => void checkAll()}>
          {checking ? t('watch.checking') : t('watch.checkAll')}
        </button>
      </div>
      <p className="muted">{t('watch.intro')}</p>
      <AddFeedForm workspaceId={workspaceId} />
      <ErrorMessage error={error ?? checkError} />
      {!feeds && loading && <Loading />}
      {feeds?.length === 0 && <p className="empty">{t('watch.empty')}</p>}
      <ul className="accounts-list feeds-list" aria-labelledby="feeds-heading">
        {feeds?.map((f) => (
          <FeedItem key={f.id} feed={f} />
        ))}
      </ul>
    </section>
  )
}

function AddFeedForm({ workspaceId }: { workspaceId: number }) {
  const { t } = useTranslation()
  const [url, setUrl] = useState('')
  const [keywords, setKeywords] = useState('')
  const [adding, setAdding] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  const hint = useId()
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    if (!url.trim() || adding) return
    setAdding(true)
    setError(undefined)
    try {
      await api.invoke('watch:add', { workspaceId, url: url.trim(), keywords: parseKeywords(keywords) })
      setUrl('')
      setKeywords('')
    } catch (err) {
      setError(err)
    } finally {
      setAdding(false)
    }
  }
  return (
    <form className="feed-form" aria-label={t('watch.addTitle')} onSubmit={(e) => void submit(e)}>
      <label className="field">
        <span>{t('watch.url')}</span>
        <input
          type="url"
          required
          value={url}
          placeholder="https://blog.example/feed.xml"
          onChange={(e) => setUrl(e.target.value)}
        />
      </label>
      <label className="field">
        <span>{t('watch.keywords')}</span>
        <input
          value={keywords}
          aria-describedby={hint}
          placeholder={t('watch.keywordsPlaceholder')}
          onChange={(e) => setKeywords(e.target.value)}
        />
        <span id={hint} className="muted small">
          {t('watch.keywordsHint')}
        </span>
      </label>
      <div className="actions">
        <button type="submit" disabled={adding || !url.trim()}>
          {adding ? t('watch.adding') : t('watch.add')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </form>
  )
}

function FeedItem({ feed: f }: { feed: WatchedFeed }) {
  const { t, i18n } = useTranslation()
  const now = useNow()
  const nameId = useId()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(undefined)
  const run = async (action: () => Promise<unknown>): Promise<void> => {
    setBusy(true)
    setError(undefined)
    try {
      await action()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }
  return (
    <li className={`account feed feed-${f.state}`} aria-labelledby={nameId}>
      <div className="account-head">
        <span id={nameId} className="strong">
          {f.title ?? f.url}
        </span>
        <span className={`account-state state-${f.state === 'ok' ? 'active' : f.state}`}>
          {t(`watch.state.${f.state}`)}
        </span>
      </div>
      {f.title !== null && <p className="muted small feed-url">{f.url}</p>}
      <p className="muted small">
        {f.keywords.length > 0 ? t('watch.keywordList', { keywords: f.keywords.join(', ') }) : t('watch.everyEntry')}
        {' · '}
        {t('watch.entries', { count: f.entryCount })}
        {' · '}
        {f.lastCheckedAt === null
          ? t('watch.neverChecked')
          : t('watch.lastChecked', { time: formatRelative(i18n.language, f.lastCheckedAt, now) })}
      </p>
      {f.state === 'error' && f.lastError && (
        <p role="alert" className="reconnect-alert">
          {t('watch.lastError', { error: f.lastError })}
        </p>
      )}
      <div className="account-actions">
        <button
          type="button"
          aria-describedby={nameId}
          disabled={busy || f.state === 'paused'}
          onClick={() => void run(() => api.invoke('watch:check', { workspaceId: f.workspaceId, feedId: f.id }))}
        >
          {t('watch.checkNow')}
        </button>
        <button
          type="button"
          className="secondary"
          aria-describedby={nameId}
          disabled={busy}
          onClick={() => void run(() => api.invoke('watch:remove', { feedId: f.id }))}
        >
          {t('watch.remove')}
        </button>
        <ErrorMessage error={error} />
      </div>
    </li>
  )
}
