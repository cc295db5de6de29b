import { z } from 'zod'
import { Id, type Account } from '../domain'
import { command } from './define'

const WebUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), 'must be an http(s) address')
const Token = z.string().trim().min(1).max(4096)
/** An instance as people name it (`mastodon.social` or its address): https unless a scheme is given. */
const InstanceUrl = z
  .string()
  .trim()
  .min(1)
  .transform((u) => (/^[a-z][\w+.-]*:\/\//i.test(u) ? u : `https://${u}`))
  .pipe(WebUrl)

export interface FacebookPageChoice {
  id: string
  name: string
  category: string | null
  /** Page tasks Earshot needs and this user lacks on the Page (it cannot be connected then). */
  missingTasks: string[]
}

/** Connecting provider accounts from the app: X sign-in (OAuth 2.0 + PKCE), Facebook Pages, Bluesky and Mastodon. */
export const connectCommands = {
  /** Starts an X sign-in; the answer's address is the consent page the user opens. */
  'connect:xBegin': command<{ signInId: string; authorizeUrl: string }>()(
    z.object({ workspaceId: Id, clientId: z.string().trim().min(1).max(200), baseUrl: WebUrl.optional() }).strict(),
  ),
  /** Waits (up to a few minutes) until X sends the browser back, then adds the account. */
  'connect:xFinish': command<Account>()(z.object({ signInId: z.string().uuid() }).strict()),
  'connect:xCancel': command<null>()(z.object({ signInId: z.string().uuid() }).strict()),
  /** The Pages a Facebook user token manages; the Page tokens never leave the core. */
  'connect:facebookPages': command<FacebookPageChoice[]>()(
    z.object({ userToken: Token, baseUrl: WebUrl.optional() }).strict(),
  ),
  'connect:facebook': command<Account[]>()(
    z
      .object({
        workspaceId: Id,
        userToken: Token,
        pageIds: z
          .array(z.string().regex(/^\d{1,30}$/))
          .min(1)
          .max(20),
        baseUrl: WebUrl.optional(),
      })
      .strict(),
  ),
  /** Signs in to Bluesky with an app password; the main password is refused (it cannot be revoked on its own). */
  'connect:bluesky': command<Account>()(
    z
      .object({
        workspaceId: Id,
        handle: z.string().trim().min(1).max(253),
        appPassword: z.string().trim().min(1).max(200),
        baseUrl: WebUrl.optional(),
      })
      .strict(),
  ),
  /** Registers Earshot with the Mastodon instance (once) and answers the page where the person allows it. */
  'connect:mastodonBegin': command<{ signInId: string; authorizeUrl: string }>()(
    z.object({ workspaceId: Id, instanceUrl: InstanceUrl }).strict(),
  ),
  /** Trades the code the instance showed for a token and adds the account; a refused code can be retried. */
  'connect:mastodonFinish': command<Account>()(
    z.object({ signInId: z.string().uuid(), code: z.string().trim().min(1).max(512) }).strict(),
  ),
  /** Opens a web address in the user's browser (desktop only): answers whether it did. */
  'app:openExternal': command<{ opened: boolean }>()(z.object({ url: WebUrl }).strict()),
}
