import { describe, expect, it } from 'vitest'
import { suggestExportFolder } from './exportFolder'

describe('the offered export folder', () => {
  const day = new Date(2026, 2, 7)

  it('sits under the data directory, named after the workspace and the day', () => {
    expect(suggestExportFolder('/home/anna/.config/Earshot/', 'Yoga am Park', day)).toBe(
      '/home/anna/.config/Earshot/exports/Yoga am Park 2026-03-07',
    )
  })

  it('keeps Windows separators and drops characters a file name may not hold', () => {
    expect(suggestExportFolder('C:\\Users\\Anna\\AppData\\Roaming\\Earshot', 'Kunden: A/B', day)).toBe(
      'C:\\Users\\Anna\\AppData\\Roaming\\Earshot\\exports\\Kunden- A-B 2026-03-07',
    )
    expect(suggestExportFolder('/data', '///', day)).toBe('/data/exports/- 2026-03-07')
  })
})
