import { CSV_FIELDS, type CsvField } from '../../../shared/commands/archives'
import type { CsvMapping, ImportInspection } from '../../../shared/contract'
import { UsageError } from '../support'

/**
 * `--map name=Name,email=E-Mail` (or one --map per field): which CSV column fills which contact
 * field. A column name may hold '=' (the first one separates); fields are those of CsvMapping.
 */
export function parseMapping(values: readonly string[]): CsvMapping | undefined {
  if (values.length === 0) return undefined
  const mapping: Partial<Record<CsvField, string>> = {}
  for (const pair of values.flatMap((v) => v.split(','))) {
    const at = pair.indexOf('=')
    const field = pair.slice(0, at).trim()
    const column = pair.slice(at + 1).trim()
    if (at <= 0 || !column) throw new UsageError(`import: --map takes field=Column pairs, not "${pair}"`)
    if (!(CSV_FIELDS as readonly string[]).includes(field))
      throw new UsageError(`import: --map knows the fields ${CSV_FIELDS.join(', ')}, not "${field}"`)
    mapping[field as CsvField] = column
  }
  return mapping
}

const describeMapping = (mapping: CsvMapping) =>
  Object.entries(mapping)
    .map(([field, column]) => `${field}=${column}`)
    .join(',')

/** The mapping given, else the one proposed from the headers (said on stderr), else a usage error. */
export function csvMappingFor(inspection: ImportInspection, given: CsvMapping | undefined): CsvMapping {
  if (given) return given
  const suggested = inspection.csv?.suggested ?? {}
  const usable = suggested.name ?? suggested.firstName ?? suggested.lastName ?? suggested.email
  if (usable === undefined) {
    throw new UsageError(
      `import: say which columns of ${inspection.path} to read with --map (columns: ${inspection.csv?.columns.join(', ') ?? 'none'}), e.g. --map name=Name,email=E-Mail`,
    )
  }
  console.error(`Reading ${inspection.path} with --map ${describeMapping(suggested)}`)
  return suggested
}
