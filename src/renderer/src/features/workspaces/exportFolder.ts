/**
 * A folder to offer for a workspace's export: `exports/<name>-<date>` in the data directory, which
 * always exists and is the user's. The path uses the data directory's own separator (Windows or not).
 */
export function suggestExportFolder(dataDir: string, workspaceName: string, day: Date): string {
  const separator = dataDir.includes('\\') && !dataDir.includes('/') ? '\\' : '/'
  const safeName =
    workspaceName
      .replace(/[\\/:*?"<>|]+/g, '-')
      .replace(/\s+/g, ' ')
      .trim() || 'workspace'
  const date = [day.getFullYear(), day.getMonth() + 1, day.getDate()].map((n) => String(n).padStart(2, '0')).join('-')
  return [dataDir.replace(/[\\/]+$/, ''), 'exports', `${safeName} ${date}`].join(separator)
}
