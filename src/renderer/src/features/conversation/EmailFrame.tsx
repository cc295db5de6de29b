import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { mailFrameAddress } from '../../../../shared/commands/mail'
import type { Message } from '../../../../shared/domain'
import { api } from '../../api/client'
import { ErrorMessage } from '../../components/Feedback'

/**
 * A mail's HTML in a frame the host serves from its own address with its own policy: an empty
 * sandbox (no scripts, no same-origin) and remote images only for senders the user allowed. A
 * srcdoc frame could not do the latter, as it inherits the app's policy.
 */
export function EmailFrame({ message }: { message: Message }) {
  const { t } = useTranslation()
  // The address changes with the consent, so the frame reloads with the new policy.
  const src = `${mailFrameAddress(message.id, Boolean(window.earshot))}?images=${message.remoteImages}`
  return (
    <>
      {message.remoteImages !== 'none' && <ImageConsent message={message} />}
      <iframe
        className="email-frame"
        sandbox=""
        src={src}
        title={t('conversation.emailFrame', { author: message.authorName })}
      />
    </>
  )
}

function ImageConsent({ message }: { message: Message }) {
  const { t } = useTranslation()
  const [error, setError] = useState<unknown>(undefined)
  const allowed = message.remoteImages === 'allowed'
  const sender = message.authorHandle ?? message.authorName
  const toggle = (): void => {
    setError(undefined)
    api.invoke('mail:allowImages', { messageId: message.id, allow: !allowed }).catch(setError)
  }
  return (
    <div className="image-consent" role="note">
      <span>{allowed ? t('conversation.images.allowed', { sender }) : t('conversation.images.blocked')}</span>{' '}
      <button type="button" onClick={toggle}>
        {allowed ? t('conversation.images.block', { sender }) : t('conversation.images.allow', { sender })}
      </button>
      <ErrorMessage error={error} />
    </div>
  )
}
