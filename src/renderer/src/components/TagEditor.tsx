import { useState, type FormEvent } from 'react'

export interface TagEditorLabels {
  list: string
  newTag: string
  add: string
  remove: (tag: string) => string
}

/**
 * Tags with a remove button each, and a field that adds one, offering the workspace's known tags.
 * Tag names are unique regardless of case (tags.name COLLATE NOCASE), so "lob" beside "Lob" is not sent.
 */
export function TagEditor({
  tags,
  known,
  listId,
  labels,
  toggle,
}: {
  tags: readonly string[]
  known: readonly string[] | undefined
  /** The id of the suggestions list; unique on the page. */
  listId: string
  labels: TagEditorLabels
  /** Adds (on) or removes a tag; resolves whether it worked. */
  toggle: (tag: string, on: boolean) => Promise<boolean>
}) {
  const [draft, setDraft] = useState('')
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    const tag = draft.trim()
    if (!tag || tags.some((x) => x.toLowerCase() === tag.toLowerCase())) return
    if (await toggle(tag, true)) setDraft('')
  }
  return (
    <>
      <ul className="tags" aria-label={labels.list}>
        {tags.map((tag) => (
          <li key={tag} className="tag">
            {tag}
            <button
              type="button"
              className="tag-remove"
              aria-label={labels.remove(tag)}
              onClick={() => void toggle(tag, false)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="field-row" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{labels.newTag}</span>
          <input value={draft} maxLength={200} list={listId} onChange={(e) => setDraft(e.target.value)} />
          <datalist id={listId}>
            {known
              ?.filter((k) => !tags.includes(k))
              .map((k) => (
                <option key={k} value={k} />
              ))}
          </datalist>
        </label>
        <button type="submit">{labels.add}</button>
      </form>
    </>
  )
}
