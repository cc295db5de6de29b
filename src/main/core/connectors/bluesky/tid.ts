import { createHash } from 'node:crypto'

/**
 * AT Protocol timestamp identifiers (atproto.com/specs/tid): 64 bits — a zero bit, 53 bits of
 * microseconds since the Unix epoch and a 10-bit clock id — written as 13 characters of
 * base32-sortable. A post's record key is one.
 */
const ALPHABET = '234567abcdefghijklmnopqrstuvwxyz'
export const TID_PATTERN = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/

export function tid(micros: bigint, clockId: number): string {
  let value = ((micros & ((1n << 53n) - 1n)) << 10n) | BigInt(clockId & 0x3ff)
  let out = ''
  for (let i = 0; i < 13; i++) {
    out = ALPHABET[Number(value & 31n)] + out
    value >>= 5n
  }
  return out
}

/**
 * The record key of a reply, fixed by its outbox item: the time it was queued (ms, with the item
 * id as sub-millisecond digits so two replies queued in one millisecond differ) and a clock id
 * from its idempotency key. Every attempt to send the item writes the same key, so the record
 * itself tells whether an earlier attempt arrived.
 */
export function replyRecordKey(job: { id: number; idempotencyKey: string; queuedAt?: number }): string {
  const micros = BigInt(job.queuedAt ?? 0) * 1000n + BigInt(job.id % 1000)
  const clockId = createHash('sha256').update(job.idempotencyKey).digest().readUInt16BE(0)
  return tid(micros, clockId)
}
