import { z } from 'zod'
import { Id } from '../domain'
import { command } from './define'

/** A mail body as the document the host serves into the sandboxed frame, with the policy it must carry. */
export interface MailFrame {
  document: string
  contentSecurityPolicy: string
}

export const mailCommands = {
  'mail:frame': command<MailFrame>()(z.object({ messageId: Id }).strict()),
  /** Lets (or stops letting) the message's sender load remote images, in this workspace. */
  'mail:allowImages': command<null>()(z.object({ messageId: Id, allow: z.boolean() }).strict()),
}

/** Where hosts serve mail frames: the web host on its own origin, the desktop shell on its own scheme. */
export const MAIL_FRAME_WEB_PREFIX = '/frame/message/'
export const MAIL_FRAME_SCHEME = 'earshot-frame'

export const mailFrameAddress = (messageId: number, desktop: boolean): string =>
  desktop ? `${MAIL_FRAME_SCHEME}://message/${messageId}` : `${MAIL_FRAME_WEB_PREFIX}${messageId}`
