/** Offers `text` as a file download: a link to a Blob, clicked once and let go. */
export function downloadCsv(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.append(link)
  link.click()
  link.remove()
  // The download has taken the data by the time the click returns; the URL would only hold memory.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
