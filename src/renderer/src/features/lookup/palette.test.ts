import { describe, expect, it } from 'vitest'
import { filterCommands, matchesQuery, stepActive, type PaletteCommand } from './palette'

const command = (label: string, keywords?: string): PaletteCommand => ({ id: label, label, keywords, run: () => {} })

describe('the command palette', () => {
  it('matches word starts in any order, without regard to case or accents', () => {
    expect(matchesQuery('Zum Posteingang wechseln', 'post')).toBe(true)
    expect(matchesQuery('Zum Posteingang wechseln', 'wech zum')).toBe(true)
    expect(matchesQuery('Sprache: Deutsch', 'sprache deu')).toBe(true)
    expect(matchesQuery('Über Earshot', 'uber')).toBe(true)
    expect(matchesQuery('Zum Posteingang wechseln', 'eingang')).toBe(false)
  })

  it('lists everything for an empty query and searches the keywords too', () => {
    const commands = [command('Go to accounts', 'mailbox connect'), command('Go to the inbox')]
    expect(filterCommands(commands, '  ')).toHaveLength(2)
    expect(filterCommands(commands, 'connect').map((c) => c.label)).toEqual(['Go to accounts'])
    expect(filterCommands(commands, 'inbox').map((c) => c.label)).toEqual(['Go to the inbox'])
  })

  it('moves the active option with wrap-around', () => {
    expect(stepActive(3, 2, 1)).toBe(0)
    expect(stepActive(3, 0, -1)).toBe(2)
    expect(stepActive(3, -1, 1)).toBe(0)
    expect(stepActive(0, 0, 1)).toBe(-1)
  })
})
