import { migration0010 } from './0010_core'
import { migration0020 } from './0020_channels'
import { migration0030 } from './0030_service_levels'
import { migration0040 } from './0040_triage'
import { migration0050 } from './0050_composer'
import { migration0060 } from './0060_contacts'
import { migration0070 } from './0070_workspaces'
import { migration0080 } from './0080_sentiment'
import { migration0090 } from './0090_watch_archives'
import { migration0100 } from './0100_image_consent'
import { migration0110 } from './0110_outcomes'
import { migration0120 } from './0120_author_index'
import { migration0130 } from './0130_redundant_indexes'
import type { Migration } from './types'

/** Every migration, in order. Listed explicitly so a stray file never runs. */
export const MIGRATIONS: readonly Migration[] = [migration0010, migration0020, migration0030, migration0040, migration0050, migration0060, migration0070, migration0080, migration0090, migration0100, migration0110, migration0120, migration0130]
export type { Migration }
