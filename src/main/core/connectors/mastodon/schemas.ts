import { z } from 'zod'

/**
 * The parts of Mastodon's REST entities we read (docs.joinmastodon.org/entities, shared/contracts A3);
 * unknown fields pass through untouched.
 */
export const MastodonAccount = z
  .object({
    id: z.string(),
    username: z.string(),
    /** `user` on the account's own instance, `user@host` for everyone else. */
    acct: z.string(),
    display_name: z.string().optional(),
    followers_count: z.number().int().nonnegative().optional(),
  })
  .passthrough()
export type MastodonAccount = z.infer<typeof MastodonAccount>

export const Visibility = z.enum(['public', 'unlisted', 'private', 'direct'])

export const Status = z
  .object({
    id: z.string(),
    created_at: z.string(),
    in_reply_to_id: z.string().nullable().optional(),
    visibility: Visibility,
    spoiler_text: z.string().optional(),
    content: z.string(),
    account: MastodonAccount,
  })
  .passthrough()
export type Status = z.infer<typeof Status>

export const Notification = z.object({
  id: z.string(),
  type: z.string(),
  created_at: z.string(),
  account: MastodonAccount,
  status: Status.nullable().optional(),
})
export type Notification = z.infer<typeof Notification>
export const NotificationList = z.array(Notification)

export const StatusList = z.array(Status)
export const Context = z.object({ ancestors: z.array(Status), descendants: z.array(Status) })

export const InstanceV2 = z
  .object({
    domain: z.string(),
    configuration: z
      .object({
        statuses: z
          .object({
            max_characters: z.number().int().positive(),
            characters_reserved_per_url: z.number().int().nonnegative().optional(),
          })
          .passthrough(),
      })
      .passthrough(),
  })
  .passthrough()

export const RegisteredApp = z.object({ client_id: z.string().min(1), client_secret: z.string().min(1) }).passthrough()
export const TokenGrant = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  scope: z.string().optional(),
})

/** Errors: `{"error":"…"}`, OAuth ones with `error_description`. */
export const MastodonError = z.object({ error: z.string(), error_description: z.string().optional() })
