/**
 * Every keyboard shortcut, in one table: the key handler (useShortcuts) reads it to decide what a key
 * press means, and the help dialog (ShortcutHelp) lists it, so the two can never disagree.
 */
export type ShortcutId =
  | 'next'
  | 'previous'
  | 'open'
  | 'reply'
  | 'note'
  | 'assign'
  | 'done'
  | 'snooze'
  | 'toggleSelection'
  | 'search'
  | 'lookup'
  | 'help'

export type ShortcutGroup = 'move' | 'act' | 'find'

export interface Shortcut {
  id: ShortcutId
  group: ShortcutGroup
  /** KeyboardEvent.key values; "Mod+k" is Ctrl+K, or Cmd+K on a Mac. */
  keys: readonly string[]
  /** Also while typing in a field: only for chords no one types as text. */
  whileTyping?: boolean
}

export const KEYMAP: readonly Shortcut[] = [
  { id: 'next', group: 'move', keys: ['j'] },
  { id: 'previous', group: 'move', keys: ['k'] },
  { id: 'open', group: 'move', keys: ['Enter', 'o'] },
  { id: 'toggleSelection', group: 'move', keys: ['x'] },
  { id: 'reply', group: 'act', keys: ['r'] },
  { id: 'note', group: 'act', keys: ['n'] },
  { id: 'assign', group: 'act', keys: ['a'] },
  { id: 'done', group: 'act', keys: ['e'] },
  { id: 'snooze', group: 'act', keys: ['s'] },
  { id: 'search', group: 'find', keys: ['/'] },
  { id: 'lookup', group: 'find', keys: ['Mod+k'], whileTyping: true },
  { id: 'help', group: 'find', keys: ['?'] },
]

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = ['move', 'act', 'find']

/** The parts of a KeyboardEvent a shortcut depends on. */
export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
}

const MOD = 'Mod+'

function matches(binding: string, press: KeyPress, mac: boolean): boolean {
  if (press.altKey) return false
  const mod = mac ? press.metaKey : press.ctrlKey
  const other = mac ? press.ctrlKey : press.metaKey
  if (binding.startsWith(MOD)) return mod && !other && press.key.toLowerCase() === binding.slice(MOD.length)
  // Shift is left free: "?" needs it on most layouts, and "J" (shifted j) is simply another key.
  return !press.ctrlKey && !press.metaKey && press.key === binding
}

export interface KeyContext {
  /** Focus is in a field: letters are text. */
  typing: boolean
  /** Focus is on a button, link or checkbox: Enter already activates it. */
  onControl: boolean
  mac: boolean
}

/** Which shortcut a key press means, if any; while typing only those marked `whileTyping` count. */
export function shortcutFor(press: KeyPress, context: KeyContext): ShortcutId | null {
  if (press.key === 'Enter' && context.onControl) return null
  const shortcut = KEYMAP.find(
    (s) => (s.whileTyping || !context.typing) && s.keys.some((k) => matches(k, press, context.mac)),
  )
  return shortcut?.id ?? null
}

/** The parts of an element that tell whether keys pressed in it are text, or activate it. */
export interface FocusedElement {
  tagName: string
  type?: string
  role?: string | null
  isContentEditable?: boolean
}

const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image'])

/** Whether keys pressed in this element are the user typing (into a field, a list box or editable text). */
export function isTypingIn(element: FocusedElement | null): boolean {
  if (!element) return false
  const tag = element.tagName.toUpperCase()
  if (tag === 'TEXTAREA' || tag === 'SELECT' || element.isContentEditable) return true
  return tag === 'INPUT' && !NON_TEXT_INPUTS.has((element.type ?? 'text').toLowerCase())
}

const CONTROL_TAGS = new Set(['BUTTON', 'A', 'SUMMARY', 'INPUT'])
const CONTROL_ROLES = new Set(['button', 'link', 'checkbox', 'option', 'menuitem', 'tab'])

/** Whether Enter on this element already means something (a button, link, checkbox or option). */
export function isControl(element: FocusedElement | null): boolean {
  if (!element) return false
  return CONTROL_TAGS.has(element.tagName.toUpperCase()) || CONTROL_ROLES.has(element.role ?? '')
}

/** How a key is written in the help dialog: "Ctrl + K" or "⌘ K", otherwise as pressed. */
export function keyLabel(binding: string, mac: boolean): string {
  if (!binding.startsWith(MOD)) return binding
  const key = binding.slice(MOD.length).toUpperCase()
  return mac ? `⌘ ${key}` : `Ctrl + ${key}`
}

export const isMacPlatform = (userAgent: string): boolean => /Mac|iPhone|iPad/.test(userAgent)
