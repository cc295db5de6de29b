import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { CsvField, CsvPreview } from '../../../../shared/commands/archives'

// Spelled out rather than imported: shared/commands/archives.ts holds zod schemas, which would ship
// zod to the renderer. `satisfies` keeps the list honest against the type.
const CSV_FIELDS = ['name', 'firstName', 'lastName', 'email', 'x'] as const satisfies readonly CsvField[]

export type Mapping = Partial<Record<CsvField, string>>

/** A name (whole or in parts) or an e-mail address must come from some column. */
export const isUsableMapping = (m: Mapping): boolean =>
  m.name !== undefined || m.firstName !== undefined || m.lastName !== undefined || m.email !== undefined

interface Props {
  file: string
  preview: CsvPreview
  mapping: Mapping
  onChange: (mapping: Mapping) => void
}

/** The CSV's columns against the contact fields, with the first rows to check the choice against. */
export function CsvMappingStep({ file, preview, mapping, onChange }: Props) {
  const { t } = useTranslation()
  const captionId = useId()
  const set = (field: CsvField, column: string): void => {
    const next = { ...mapping }
    if (column === '') delete next[field]
    else next[field] = column
    onChange(next)
  }
  return (
    <fieldset className="csv-mapping">
      <legend>{t('import.csv.legend', { file })}</legend>
      <p className="muted small">
        {t('import.csv.detected', {
          encoding: preview.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252',
          separator: t(`import.csv.separator.${separatorName(preview.separator)}`),
        })}
      </p>
      <div className="csv-fields">
        {CSV_FIELDS.map((field) => (
          <label key={field} className="field">
            <span>{t(`import.csv.field.${field}`)}</span>
            <select value={mapping[field] ?? ''} onChange={(e) => set(field, e.target.value)}>
              <option value="">{t('import.csv.notImported')}</option>
              {preview.columns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {!isUsableMapping(mapping) && (
        <p role="alert" className="reconnect-alert">
          {t('import.csv.needName')}
        </p>
      )}
      <div className="csv-preview">
        <table aria-describedby={captionId}>
          <caption id={captionId} className="muted small">
            {t('import.csv.previewCaption', { count: preview.sample.length })}
          </caption>
          <thead>
            <tr>
              {preview.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.sample.map((row, i) => (
              <tr key={i}>
                {preview.columns.map((c, j) => (
                  <td key={c}>{row[j] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </fieldset>
  )
}

const separatorName = (separator: CsvPreview['separator']) =>
  separator === ',' ? 'comma' : separator === ';' ? 'semicolon' : 'tab'
