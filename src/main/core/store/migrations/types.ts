export interface Migration {
  /** Steps of 10 leave room for hot fixes between releases. */
  version: number
  name: string
  /** SQL run in the migration transaction. */
  up: string
}
