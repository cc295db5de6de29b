import { useTranslation } from 'react-i18next'
import type { Message, Note, OutboxItem } from '../../../../shared/domain'
import { DirectionLabel } from '../../components/Badges'
import { SentimentBadge } from '../sentiment/SentimentBadge'
import { formatDateTime } from '../../components/format'
import { PendingReply } from '../composer/PendingReplies'
import { withoutDelivered } from './delivered'
import { EmailFrame } from './EmailFrame'

type Entry = { kind: 'message'; at: number; message: Message } | { kind: 'note'; at: number; note: Note }

/**
 * Messages and internal notes interleaved by time, oldest first, as the team experienced them; then
 * our replies still in the outbox, each with its state, where they will appear once sent.
 */
export function Thread({ messages, notes, pending }: { messages: Message[]; notes: Note[]; pending: readonly OutboxItem[] }) {
  const { t } = useTranslation()
  const entries: Entry[] = [
    ...messages.map((message): Entry => ({ kind: 'message', at: message.sentAt, message })),
    ...notes.map((note): Entry => ({ kind: 'note', at: note.createdAt, note })),
  ].sort((a, b) => a.at - b.at)

  return (
    <ol className="thread" aria-label={t('conversation.thread')}>
      {entries.map((e) =>
        e.kind === 'message' ? (
          <MessageItem key={`m${e.message.id}`} message={e.message} />
        ) : (
          <NoteItem key={`n${e.note.id}`} note={e.note} />
        ),
      )}
      {withoutDelivered(pending, messages).map((item) => (
        <PendingReply key={`o${item.id}`} item={item} />
      ))}
    </ol>
  )
}

function MessageItem({ message: m }: { message: Message }) {
  const { t, i18n } = useTranslation()
  return (
    <li className={`message message-${m.direction}`}>
      <div className="message-meta">
        <DirectionLabel direction={m.direction} />
        {m.direction === 'out' && <span className="outbox-state outbox-sent">{t('composer.state.sent')}</span>}
        <span className="strong">{m.authorName}</span>
        {m.authorHandle && <span className="muted">{m.authorHandle}</span>}
        <time dateTime={new Date(m.sentAt).toISOString()} className="muted">
          {formatDateTime(i18n.language, m.sentAt)}
        </time>
        <SentimentBadge sentiment={m.sentiment} of="message" />
      </div>
      {m.bodyHtml ? (
        <EmailFrame message={m} />
      ) : (
        <p className="message-text">{m.bodyText}</p>
      )}
    </li>
  )
}

function NoteItem({ note }: { note: Note }) {
  const { t, i18n } = useTranslation()
  return (
    <li className="note" aria-label={t('conversation.noteLabel', { author: note.author })}>
      <div className="message-meta">
        <span className="badge private">{t('conversation.privateNote')}</span>
        <span className="strong">{note.author}</span>
        <time dateTime={new Date(note.createdAt).toISOString()} className="muted">
          {formatDateTime(i18n.language, note.createdAt)}
        </time>
      </div>
      <p className="message-text">{note.body}</p>
    </li>
  )
}
