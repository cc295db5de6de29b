import { useEffect } from 'react'
import { api } from '../../api/client'
import { LookupDialog } from '../lookup/LookupDialog'
import { AssignDialog } from './AssignDialog'
import { ShortcutHelp } from './ShortcutHelp'
import { SnoozeDialog } from './SnoozeDialog'
import { TagDialog } from './TagDialog'
import { useTriage } from './triageStore'
import { useShortcuts } from './useShortcuts'

/** The keyboard map and the one triage dialog open at a time; mounted once, beside the app's views. */
export function TriageLayer() {
  useShortcuts()
  const dialog = useTriage((s) => s.dialog)
  const closeDialog = useTriage((s) => s.closeDialog)
  useEffect(() => {
    api.invoke('app:info', {}).then(
      (info) => useTriage.setState({ agent: info.agent }),
      // Without a name, "Mine" and the assign suggestion stay away; everything else works.
      (error: unknown) => console.error('earshot: app:info failed', error),
    )
  }, [])

  if (!dialog) return null
  switch (dialog.kind) {
    case 'help':
      return <ShortcutHelp onClosed={closeDialog} />
    case 'lookup':
      return <LookupDialog onClosed={closeDialog} />
    case 'snooze':
      return <SnoozeDialog ids={dialog.ids} onClosed={closeDialog} />
    case 'assign':
      return <AssignDialog ids={dialog.ids} onClosed={closeDialog} />
    case 'tag':
      return <TagDialog ids={dialog.ids} onClosed={closeDialog} />
  }
}
