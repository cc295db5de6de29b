import { z } from 'zod'

/** The parts of X API v2 bodies we read (x-api-v2-openapi.json); unknown fields pass through untouched. */
export const XUser = z.object({
  id: z.string(),
  name: z.string(),
  username: z.string(),
  public_metrics: z.object({ followers_count: z.number().int().nonnegative() }).passthrough().optional(),
})
export type XUser = z.infer<typeof XUser>

export const XTweet = z.object({
  id: z.string().regex(/^\d+$/),
  text: z.string(),
  author_id: z.string().optional(),
  conversation_id: z.string().optional(),
  created_at: z.string().datetime({ offset: true }).optional(),
  in_reply_to_user_id: z.string().optional(),
  referenced_tweets: z.array(z.object({ type: z.string(), id: z.string() })).optional(),
})
export type XTweet = z.infer<typeof XTweet>

export const XTweetList = z.object({
  data: z.array(XTweet).optional(),
  includes: z.object({ users: z.array(XUser).optional() }).passthrough().optional(),
  meta: z.object({
    result_count: z.number().int(),
    newest_id: z.string().optional(),
    oldest_id: z.string().optional(),
    next_token: z.string().optional(),
  }),
})
export type XTweetList = z.infer<typeof XTweetList>

export const XDmEvent = z.object({
  id: z.string().regex(/^\d+$/),
  event_type: z.string(),
  text: z.string().optional(),
  sender_id: z.string().optional(),
  dm_conversation_id: z.string().optional(),
  created_at: z.string().datetime({ offset: true }).optional(),
})
export type XDmEvent = z.infer<typeof XDmEvent>

export const XDmEventList = z.object({
  data: z.array(XDmEvent).optional(),
  includes: z.object({ users: z.array(XUser).optional() }).passthrough().optional(),
  meta: z.object({ result_count: z.number().int(), next_token: z.string().optional() }),
})

export const XMe = z.object({ data: XUser })
export const XTweetCreated = z.object({ data: z.object({ id: z.string(), text: z.string() }) })
export const XDmCreated = z.object({ data: z.object({ dm_conversation_id: z.string(), dm_event_id: z.string() }) })

/** Either Problem (RFC 7807) or the older `{errors:[{code,message}]}` form; both occur. */
export const XErrorBody = z.object({
  title: z.string().optional(),
  detail: z.string().optional(),
  type: z.string().optional(),
  errors: z.array(z.object({ code: z.number().optional(), message: z.string().optional() }).passthrough()).optional(),
})
