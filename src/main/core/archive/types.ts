import type { IngestItem } from '../store/ingest'

/** Input that could not be read: kept with its bytes and the reason, never dropped silently. */
export interface Quarantined {
  /** `<kind>:<archive path>#<file inside>[#<item>]`: the quarantine's natural key, the same on every run. */
  source: string
  reason: string
  raw: Buffer
}

/** What a platform export holds, ready for ingest into the account it names. */
export interface ArchiveMessages {
  account: { channel: 'x' | 'facebook'; handle: string; displayName: string; stateReason: string }
  items: IngestItem[]
  quarantined: Quarantined[]
  /** Read, but not part of a conversation with a customer. */
  skipped: number
}

/** The name a person already has in the workspace, so an export that knows only an id does not overwrite it. */
export type KnownName = (externalId: string) => string | null

export const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))
