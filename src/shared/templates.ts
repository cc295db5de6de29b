/**
 * Canned replies are templates with {{variables}}. Expansion is one pass over the template: a value
 * that itself contains "{{…}}" is inserted as written, never expanded again.
 */
export const TEMPLATE_VARIABLES = ['contact.firstName', 'contact.name', 'agent.name', 'workspace.name'] as const
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number]
/** null: the value is not known (no name set, a contact known only by a handle). */
export type TemplateValues = Record<TemplateVariable, string | null>

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g

const isVariable = (name: string): name is TemplateVariable => (TEMPLATE_VARIABLES as readonly string[]).includes(name)

/**
 * Fills every variable that has a value. A misspelt variable, or one without a value, stays in the
 * text exactly as written, so the person sending sees it instead of a silent gap in the sentence.
 */
export function expandTemplate(template: string, values: Partial<TemplateValues>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = isVariable(name) ? values[name]?.trim() : undefined
    return value ? value : whole
  })
}

/** The placeholders still in a text, once each, in order: what must be filled in before sending. */
export function unfilledPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[0]))]
}

/** Words before a name that are not a first name: "Frau Klein" has no first name we know. */
const TITLES = new Set(['herr', 'frau', 'dr', 'prof', 'mr', 'mrs', 'ms', 'mx', 'sir', 'madam'])
const NAME_WORD = /^\p{Lu}[\p{L}'’-]*$/u

/**
 * A contact's first name from their display name, or null when the name does not show one: a
 * handle, an address, a lower-case nickname, or a title followed only by a surname.
 */
export function firstNameOf(displayName: string): string | null {
  const words = displayName.trim().split(/\s+/).filter(Boolean)
  const titled = words.length > 0 && TITLES.has(words[0]!.replace(/\.$/, '').toLowerCase())
  const rest = words.filter((w) => !TITLES.has(w.replace(/\.$/, '').toLowerCase()))
  if (titled && rest.length < 2) return null
  const first = rest[0]
  return first && NAME_WORD.test(first) ? first : null
}
