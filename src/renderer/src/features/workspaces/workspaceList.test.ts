import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Workspace } from '../../../../shared/domain'

const answers: Array<(list: Workspace[]) => void> = []
vi.mock('../../api/client', () => ({
  api: { invoke: () => new Promise<Workspace[]>((resolve) => answers.push(resolve)) },
}))
const { useWorkspaceList } = await import('./workspaceList')

const workspace = (id: number): Workspace => ({
  id,
  name: `W${id}`,
  isDemo: false,
  createdAt: 1,
  archivedAt: null,
  conversationCount: 0,
})

beforeEach(() => {
  answers.length = 0
  useWorkspaceList.setState({ workspaces: undefined, error: undefined })
})

describe('the header’s workspace list', () => {
  it('resolves a load only once the store holds an answer at least as new, also when a newer load overtook it', async () => {
    const { load } = useWorkspaceList.getState()
    let firstDone = false
    const first = load().then(() => (firstDone = true))
    const second = load()
    answers[0]!([workspace(1)])
    await Promise.resolve()
    await Promise.resolve()
    expect(useWorkspaceList.getState().workspaces).toBeUndefined()
    expect(firstDone).toBe(false)

    answers[1]!([workspace(1), workspace(2)])
    await Promise.all([first, second])
    expect(useWorkspaceList.getState().workspaces?.map((w) => w.id)).toEqual([1, 2])
  })
})
