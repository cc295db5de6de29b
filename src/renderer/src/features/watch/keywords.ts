/** Keywords as people type them: separated by commas or new lines; blanks and repeats dropped. */
export function parseKeywords(text: string): string[] {
  const seen = new Set<string>()
  return text
    .split(/[,\n]/)
    .map((k) => k.trim())
    .filter((k) => k && !seen.has(k.toLowerCase()) && seen.add(k.toLowerCase()))
}
