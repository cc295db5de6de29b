import type { Channel, ConversationStatus } from '../../../shared/domain'

// Spelled out here rather than imported from domain.ts: those are zod enums, and importing their
// values would ship zod to the renderer. `satisfies` keeps the lists honest against the types.
export const CHANNELS = ['email', 'facebook', 'x', 'bluesky', 'mastodon', 'web'] as const satisfies readonly Channel[]
export const STATUSES = ['open', 'pending', 'snoozed', 'done'] as const satisfies readonly ConversationStatus[]
