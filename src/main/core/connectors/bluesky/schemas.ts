import { z } from 'zod'

/**
 * The parts of the XRPC bodies we read (bluesky-social/atproto `lexicons/`, shared/contracts A3);
 * unknown fields pass through untouched.
 */
const StrongRef = z.object({ uri: z.string().startsWith('at://'), cid: z.string().min(1) })
export type StrongRef = z.infer<typeof StrongRef>

export const PostRecord = z
  .object({
    text: z.string(),
    createdAt: z.string(),
    reply: z.object({ root: StrongRef, parent: StrongRef }).optional(),
  })
  .passthrough()
export type PostRecord = z.infer<typeof PostRecord>

const ProfileBasic = z.object({ did: z.string(), handle: z.string(), displayName: z.string().optional() }).passthrough()
export type ProfileBasic = z.infer<typeof ProfileBasic>

export const Session = z.object({
  did: z.string().startsWith('did:'),
  handle: z.string(),
  accessJwt: z.string().min(1),
  refreshJwt: z.string().min(1),
})

export const Notification = z.object({
  uri: z.string().startsWith('at://'),
  cid: z.string(),
  author: ProfileBasic,
  reason: z.string(),
  // Only posts (mentions, replies) are read; a like's or follow's record is another shape.
  record: z.unknown(),
  indexedAt: z.string(),
})
export type Notification = z.infer<typeof Notification>

export const NotificationList = z.object({ cursor: z.string().optional(), notifications: z.array(Notification) })

export const PostView = z.object({
  uri: z.string().startsWith('at://'),
  cid: z.string(),
  author: ProfileBasic,
  record: PostRecord,
  indexedAt: z.string(),
})
export type PostView = z.infer<typeof PostView>

export const SearchResult = z.object({ cursor: z.string().optional(), posts: z.array(PostView) })
export const PostList = z.object({ posts: z.array(PostView) })

export const Profiles = z.object({
  profiles: z.array(ProfileBasic.extend({ followersCount: z.number().int().nonnegative().optional() })),
})

export const CreatedRecord = z.object({ uri: z.string().startsWith('at://'), cid: z.string() })
export const StoredRecord = z.object({
  uri: z.string().startsWith('at://'),
  cid: z.string().optional(),
  value: PostRecord,
})

/** Every XRPC error: `{"error":"<Name>","message":"…"}`. */
export const XrpcError = z.object({ error: z.string(), message: z.string().optional() })
