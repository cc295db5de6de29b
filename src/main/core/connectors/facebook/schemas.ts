import { z } from 'zod'

/** The parts of Graph API bodies we read; Graph adds fields freely, so unknown ones pass. */
export const GraphUser = z.object({ id: z.string(), name: z.string().optional(), email: z.string().optional() })
export type GraphUser = z.infer<typeof GraphUser>

const Paging = z.object({
  cursors: z.object({ before: z.string().optional(), after: z.string().optional() }).optional(),
  next: z.string().url().optional(),
  previous: z.string().optional(),
})

export const graphPage = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), paging: Paging.optional() })

export const GraphComment = z.object({
  id: z.string(),
  // A sticker or photo comment has no message.
  message: z.string().optional(),
  created_time: z.string(),
  // Graph leaves `from` out unless the token holds the MODERATE task.
  from: GraphUser.optional(),
})
export type GraphComment = z.infer<typeof GraphComment>

export const GraphPost = z.object({
  id: z.string(),
  message: z.string().optional(),
  created_time: z.string(),
  comments: graphPage(GraphComment).optional(),
})

export const GraphMessage = z.object({
  id: z.string(),
  message: z.string().optional(),
  created_time: z.string(),
  from: GraphUser,
})
export type GraphMessage = z.infer<typeof GraphMessage>

export const GraphConversation = z.object({
  id: z.string(),
  updated_time: z.string().optional(),
  participants: z.object({ data: z.array(GraphUser) }).optional(),
  messages: graphPage(GraphMessage).optional(),
})
export type GraphConversation = z.infer<typeof GraphConversation>

export const GraphError = z.object({
  error: z.object({
    message: z.string(),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    fbtrace_id: z.string().optional(),
  }),
})

export const BucUsage = z.record(
  z.string(),
  z.array(z.object({ estimated_time_to_regain_access: z.number().optional() }).passthrough()),
)

/** Graph time: ISO 8601 with a `+0000` offset, which Date.parse reads only with a colon. */
export const graphTimeMs = (text: string): number => Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
