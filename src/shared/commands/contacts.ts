import { z } from 'zod'
import { Id, type Channel, type ContactDetail, type EpochMs, type Page, type TimelineItem } from '../domain'
import { command, Cursor, PageLimit, ShortText } from './define'

export const OUTCOME_KINDS = ['lead', 'sale', 'saved', 'lost'] as const
export type OutcomeKind = (typeof OUTCOME_KINDS)[number]

/** ISO 4217 code; typed in lower case it is still accepted. */
export const Currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'a three-letter currency code such as EUR')

/**
 * What became of a contact, as far as sales go: a lead, a sale (with its value in minor units, cents, so
 * sums stay exact), a customer saved from leaving, or one lost.
 */
export const SalesOutcome = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lead') }).strict(),
  z
    .object({ kind: z.literal('sale'), valueMinor: z.number().int().min(0).max(1_000_000_000_000), currency: Currency })
    .strict(),
  z.object({ kind: z.literal('saved') }).strict(),
  z.object({ kind: z.literal('lost') }).strict(),
])
export type SalesOutcome = z.infer<typeof SalesOutcome>
export type ContactOutcome = SalesOutcome & { setAt: EpochMs }

export const FieldKey = z.string().trim().min(1).max(60)
export const FieldValue = z.string().trim().min(1).max(1000)

export interface ContactField {
  key: string
  value: string
}

export interface ContactNote {
  id: number
  contactId: number
  body: string
  author: string
  createdAt: EpochMs
}

/** Why two contacts are probably one person; `value` is the shared address, number or handle. */
export const MERGE_REASON_KINDS = [
  'same-email',
  'same-phone',
  'name-and-handle',
  'signature-handle',
  'signature-email',
] as const
export type MergeReasonKind = (typeof MERGE_REASON_KINDS)[number]
export interface MergeReason {
  kind: MergeReasonKind
  value: string
}

/** A merge into this contact that can still be undone. */
export interface ContactMerge {
  id: number
  survivorId: number
  absorbedId: number
  absorbedName: string
  /** Null when someone merged the two by hand and Earshot saw no evidence. */
  confidence: number | null
  reasons: MergeReason[]
  mergedAt: EpochMs
  mergedBy: string
}

/** Everything the contact view shows about a person; identities, reach and counts cover merged contacts too. */
export interface ContactProfile extends ContactDetail {
  /** Set on a contact that was merged: the contact it is now part of (the top of the chain). */
  mergedIntoId: number | null
  /** Reach typed in by hand, if any; `reach` is the larger of it and the identities' followers. */
  reachOverride: number | null
  outcome: ContactOutcome | null
  tags: string[]
  fields: ContactField[]
  /** Newest first. */
  notes: ContactNote[]
  merges: ContactMerge[]
}

const ContactId = z.object({ contactId: Id })

/** The customer view: who someone is, what we know and did with them, and their timeline. */
export const contactCommands = {
  'contact:get': command<ContactProfile>()(ContactId.strict()),
  'timeline:list': command<Page<TimelineItem>>()(
    z.object({ contactId: Id, before: Cursor.optional(), limit: PageLimit }).strict(),
  ),
  'contact:setVip': command<ContactProfile>()(ContactId.extend({ vip: z.boolean() }).strict()),
  /** null goes back to the followers the channels report. */
  'contact:setReach': command<ContactProfile>()(
    ContactId.extend({ reach: z.number().int().min(0).max(10_000_000_000).nullable() }).strict(),
  ),
  'contact:setOutcome': command<ContactProfile>()(ContactId.extend({ outcome: SalesOutcome.nullable() }).strict()),
  /** A null value removes the field. */
  'contact:setField': command<ContactProfile>()(
    ContactId.extend({ key: FieldKey, value: FieldValue.nullable() }).strict(),
  ),
  'contact:tag': command<ContactProfile>()(ContactId.extend({ tag: ShortText, on: z.boolean() }).strict()),
  'contact:addNote': command<ContactProfile>()(
    ContactId.extend({ body: z.string().trim().min(1).max(10_000) }).strict(),
  ),
  'contact:deleteNote': command<ContactProfile>()(z.object({ noteId: Id }).strict()),
  /** The field names used in a workspace, for suggestions while typing a new one. */
  'contact:fieldKeys': command<string[]>()(z.object({ workspaceId: Id }).strict()),
}

/** One side of a suggested merge, with enough to tell the two apart at a glance. */
export interface SuggestedContact {
  id: number
  displayName: string
  channels: Channel[]
  /** Handles and addresses of its identities. */
  handles: string[]
  conversationCount: number
}

export interface MergeSuggestion {
  /** The contact that stays (the one with more history) first, the one merged into it second. */
  contacts: [SuggestedContact, SuggestedContact]
  reasons: MergeReason[]
  /** 0..1: how sure Earshot is that these are one person. */
  confidence: number
}

/** Identity resolution: suggested merges, merging and undoing it, splitting identities off. */
export const mergeCommands = {
  /** Suggestions for the whole workspace, or only those involving `contactId`; most certain first. */
  'merge:suggestions': command<MergeSuggestion[]>()(
    z
      .object({ workspaceId: Id, contactId: Id.optional(), limit: z.number().int().min(1).max(200).default(50) })
      .strict(),
  ),
  /** "Not the same person": the pair is not suggested again. */
  'merge:dismiss': command<null>()(
    z
      .object({ contactIds: z.tuple([Id, Id]) })
      .strict()
      .refine((a) => a.contactIds[0] !== a.contactIds[1], { message: 'two different contacts' }),
  ),
  'contact:merge': command<ContactMerge>()(
    z
      .object({ survivorId: Id, absorbedId: Id })
      .strict()
      .refine((a) => a.survivorId !== a.absorbedId, { message: 'a contact cannot be merged into itself' }),
  ),
  /** Restores both contacts as they were before the merge. */
  'contact:unmerge': command<{ survivorId: number; absorbedId: number }>()(z.object({ mergeId: Id }).strict()),
  /** Moves identities (and the conversations they started) to a new contact. */
  'contact:split': command<{ contactId: number }>()(z.object({ identityIds: z.array(Id).min(1).max(50) }).strict()),
}
