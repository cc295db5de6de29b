import type { Migration } from './types'

/**
 * Two indexes that later ones made redundant, each written on every insert for nothing:
 * messages_negative (0080) is messages_complaints (0110) without its last column — same rows, same
 * leading columns — and identities_contact (0010) is the first column of identities_reach (0110).
 * Every query they served now reads the wider index (0130_redundant_indexes.test.ts holds the plans).
 */
export const migration0130: Migration = {
  version: 130,
  name: 'drop indexes that wider ones cover',
  up: `DROP INDEX messages_negative;
    DROP INDEX identities_contact;`,
}
