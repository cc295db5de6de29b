/**
 * The translations, one file per feature and language under locales/<lang>/<feature>.json, so each
 * feature owns its strings. Each file becomes the top-level key named after it ("inbox.title").
 */
type Catalogue = { [key: string]: string | Catalogue }

const files = import.meta.glob<Catalogue>('./locales/*/*.json', { eager: true, import: 'default' })

function catalogueFor(language: string): Catalogue {
  const catalogue: Catalogue = {}
  for (const [path, strings] of Object.entries(files)) {
    const match = /^\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path)
    if (match?.[1] === language) catalogue[match[2]!] = strings
  }
  return catalogue
}

export const de = catalogueFor('de')
export const en = catalogueFor('en')
export type { Catalogue }
