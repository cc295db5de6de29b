import { describe, expect, it } from 'vitest'
import { isControl, isTypingIn, KEYMAP, keyLabel, shortcutFor, type KeyPress } from './keymap'

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
})
const idle = { typing: false, onControl: false, mac: false }

describe('the key map', () => {
  it('binds every key once, so no press can mean two things', () => {
    const keys = KEYMAP.flatMap((s) => s.keys)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('maps the triage keys', () => {
    const ids = ['j', 'k', 'Enter', 'o', 'r', 'n', 'a', 'e', 's', 'x', '/', '?'].map((k) => shortcutFor(press(k), idle))
    expect(ids).toEqual([
      'next',
      'previous',
      'open',
      'open',
      'reply',
      'note',
      'assign',
      'done',
      'snooze',
      'toggleSelection',
      'search',
      'help',
    ])
  })

  it('leaves chords and other keys to the browser', () => {
    expect(shortcutFor(press('r', { ctrlKey: true }), idle)).toBeNull()
    expect(shortcutFor(press('e', { altKey: true }), idle)).toBeNull()
    expect(shortcutFor(press('J'), idle)).toBeNull()
    expect(shortcutFor(press('q'), idle)).toBeNull()
  })

  it('leaves Enter to a focused button, link or checkbox', () => {
    const onControl = { typing: false, onControl: true, mac: false }
    expect(shortcutFor(press('Enter'), onControl)).toBeNull()
    expect(shortcutFor(press('o'), onControl)).toBe('open')
    expect(isControl({ tagName: 'BUTTON' })).toBe(true)
    expect(isControl({ tagName: 'INPUT', type: 'checkbox' })).toBe(true)
    expect(isControl({ tagName: 'DIV', role: 'option' })).toBe(true)
    expect(isControl({ tagName: 'DIV', role: 'row' })).toBe(false)
    expect(isControl(null)).toBe(false)
  })

  it('takes "?" with the shift it needs on most layouts', () => {
    expect(shortcutFor({ ...press('?'), shiftKey: true } as KeyPress, idle)).toBe('help')
  })

  it('never fires while typing, except the lookup chord', () => {
    const typing = { typing: true, onControl: false, mac: false }
    for (const key of ['j', 'e', 's', '/', '?', 'Enter']) expect(shortcutFor(press(key), typing)).toBeNull()
    expect(shortcutFor(press('k', { ctrlKey: true }), typing)).toBe('lookup')
  })

  it('uses Cmd on a Mac and Ctrl elsewhere for the lookup', () => {
    expect(shortcutFor(press('k', { metaKey: true }), { typing: false, onControl: false, mac: true })).toBe('lookup')
    expect(shortcutFor(press('k', { ctrlKey: true }), { typing: false, onControl: false, mac: true })).toBeNull()
    expect(shortcutFor(press('K', { ctrlKey: true }), idle)).toBe('lookup')
    expect(shortcutFor(press('k', { metaKey: true }), idle)).toBeNull()
    expect(keyLabel('Mod+k', true)).toBe('⌘ K')
    expect(keyLabel('Mod+k', false)).toBe('Ctrl + K')
    expect(keyLabel('j', false)).toBe('j')
  })

  it('counts text fields, text areas, list boxes and editable text as typing, not buttons or checkboxes', () => {
    expect(isTypingIn({ tagName: 'INPUT', type: 'text' })).toBe(true)
    expect(isTypingIn({ tagName: 'input', type: 'search' })).toBe(true)
    expect(isTypingIn({ tagName: 'INPUT', type: 'datetime-local' })).toBe(true)
    expect(isTypingIn({ tagName: 'TEXTAREA' })).toBe(true)
    expect(isTypingIn({ tagName: 'SELECT' })).toBe(true)
    expect(isTypingIn({ tagName: 'DIV', isContentEditable: true })).toBe(true)
    expect(isTypingIn({ tagName: 'INPUT', type: 'checkbox' })).toBe(false)
    expect(isTypingIn({ tagName: 'BUTTON' })).toBe(false)
    expect(isTypingIn({ tagName: 'DIV' })).toBe(false)
    expect(isTypingIn(null)).toBe(false)
  })
})
