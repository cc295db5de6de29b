import { MAIL_FRAME_SCHEME } from '../../shared/commands/mail'

/**
 * The one Content-Security-Policy for the renderer, shared by the Electron shell (set on every
 * response through the session) and the web host (set on every HTTP response), so both hosts give
 * the untrusted renderer exactly the same powers.
 *
 * - script-src 'self': no inline or remote script; hostile email HTML cannot run code.
 * - style-src 'unsafe-inline': React style props and sanitised email CSS need it; styles cannot
 *   execute code.
 * - frame-src: mail bodies render in sandboxed frames the host serves with their own, stricter
 *   policy (web host: /frame/message/<id> on 'self'; desktop: the earshot-frame: scheme).
 * - connect-src 'self': the renderer may only talk to its own host (the web host's /api, /events).
 * - form-action/base-uri/object-src locked down; frame-ancestors 'none' stops click-jacking.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  `frame-src 'self' ${MAIL_FRAME_SCHEME}:`,
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * Only for `electron-vite dev` (the renderer served by Vite with hot reload): the React refresh
 * preamble is an inline script. Never used for built or packaged renderers.
 */
export const DEV_SERVER_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self'",
  "script-src 'self' 'unsafe-inline'",
)
