import { protocol } from 'electron'
import { MAIL_FRAME_SCHEME } from '../../shared/commands/mail'
import type { Core } from '../core/index'
import { mailFrameResponse } from '../security/mail-frame'

/** Must run before the app is ready: a standard, secure scheme parses like https and is not mixed content. */
export function registerMailFrameScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: MAIL_FRAME_SCHEME, privileges: { standard: true, secure: true } }])
}

/** Serves mail bodies to the conversation view's sandboxed frames, each with its own policy. */
export function serveMailFrames(core: Core): void {
  protocol.handle(MAIL_FRAME_SCHEME, async (request) => {
    const answer = await mailFrameResponse(core, request.url)
    return new Response(answer.body, { status: answer.status, headers: answer.headers })
  })
}
