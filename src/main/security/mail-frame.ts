import { MAIL_FRAME_SCHEME, type MailFrame } from '../../shared/commands/mail'
import type { Core } from '../core/index'

export interface FrameResponse {
  status: number
  headers: Record<string, string>
  body: string
}

/**
 * The desktop shell's answer to `earshot-frame://message/<id>`: the same document and policy the web
 * host serves at /frame/message/<id>. Anything else on the scheme is refused.
 */
export async function mailFrameResponse(core: Pick<Core, 'invoke'>, requestUrl: string): Promise<FrameResponse> {
  const url = URL.canParse(requestUrl) ? new URL(requestUrl) : null
  const id =
    url?.protocol === `${MAIL_FRAME_SCHEME}:` && url.host === 'message'
      ? /^\/(\d{1,16})$/.exec(url.pathname)?.[1]
      : undefined
  if (!id) return refusal(400, 'Not a mail frame address.')
  const result = await core.invoke('mail:frame', { messageId: Number(id) })
  if (!result.ok) return refusal(404, result.error.message)
  const frame = result.value as MailFrame
  return {
    status: 200,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': frame.contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
    body: frame.document,
  }
}

const refusal = (status: number, message: string): FrameResponse => ({
  status,
  headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': "default-src 'none'" },
  body: message,
})
