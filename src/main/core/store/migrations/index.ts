import { migration0010 } from './0010_core'
import { migration0020 } from './0020_channels'
import type { Migration } from './types'

/** Every migration, in order. Listed explicitly so a stray file never runs. */
export const MIGRATIONS: readonly Migration[] = [migration0010, migration0020]
export type { Migration }
