import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { useQuery } from '../../api/hooks'
import { useRoute } from '../../app/routeStore'
import { CHANNELS } from '../../components/constants'
import { LANGUAGES, setLanguage } from '../../i18n'
import { useInbox } from '../inbox/inboxStore'
import { savedViews } from '../inbox/savedViews'
import { viewLabel } from '../inbox/SavedViews'
import { useTriage } from '../triage/triageStore'
import type { PaletteCommand } from './palette'

/** Everything the palette can do besides opening a contact, labelled in the current language. */
export function usePaletteCommands(query: string): PaletteCommand[] {
  const { t, i18n } = useTranslation()
  const route = useRoute.getState()
  const workspaceId = useRoute((s) => s.workspaceId)
  const agent = useTriage((s) => s.agent)
  const { data: workspaces } = useQuery('workspaces', () => api.invoke('workspaces:list', {}))
  const text = query.trim()

  const showInboxView = (filters: ReturnType<typeof savedViews>[number]['filters']) => {
    route.showView('inbox')
    useInbox.getState().setFilters(filters)
  }
  return [
    { id: 'inbox', label: t('lookup.command.inbox'), run: () => route.showView('inbox') },
    {
      id: 'accounts',
      label: t('lookup.command.accounts'),
      keywords: t('lookup.keywords.accounts'),
      run: () => route.showView('accounts'),
    },
    ...savedViews(agent, CHANNELS).map((view) => ({
      id: `view:${view.channel ?? view.id}`,
      label: t('lookup.command.view', { view: viewLabel(t, view) }),
      run: () => showInboxView(view.filters),
    })),
    ...(workspaces ?? [])
      .filter((w) => w.id !== workspaceId)
      .map((w) => ({
        id: `workspace:${w.id}`,
        label: t('lookup.command.workspace', { name: w.name }),
        run: () => route.setWorkspace(w.id),
      })),
    ...LANGUAGES.filter((lng) => lng !== i18n.resolvedLanguage).map((lng) => ({
      id: `language:${lng}`,
      label: t('lookup.command.language', { language: t(`language.${lng}`) }),
      run: () => void setLanguage(lng),
    })),
    {
      id: 'shortcuts',
      label: t('lookup.command.shortcuts'),
      run: () => useTriage.getState().openDialog({ kind: 'help' }),
    },
    // Last: its label holds whatever was typed, so it matches every query and must not push real matches down.
    ...(text
      ? [{ id: 'search', label: t('lookup.command.search', { query: text }), run: () => route.search(text) }]
      : []),
  ]
}
