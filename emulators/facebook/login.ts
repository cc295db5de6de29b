import type { ServerResponse } from 'node:http'
import { sendJson } from '../shared/http'
import { graphError, pageOf } from './graph'

/**
 * What "Facebook Login for Business" leaves a desktop app with: a user token (60 days once extended)
 * that lists the Pages the user manages with a token for each (`GET /me/accounts`), and token
 * introspection (`GET /debug_token`). Page tokens taken from a long-lived user token do not expire
 * (`expires_at` 0), but data access does, 90 days after the user's consent (`data_access_expires_at`).
 */
export const DEMO_USER_TOKEN = 'fb-user-token-1'
const DAY_MS = 86_400_000

export interface ManagedPage {
  id: string
  name: string
  category: string
  access_token: string
  tasks: string[]
}

export function createFacebookLogin(arg: { now: () => number; pages: ManagedPage[] }) {
  const consentedAt = arg.now()
  let userTokenExpiresAt = consentedAt + 60 * DAY_MS
  const dataAccessExpiresAt = () => consentedAt + 90 * DAY_MS

  const isUserToken = (token: string) => token === DEMO_USER_TOKEN
  const userTokenExpired = () => userTokenExpiresAt <= arg.now()

  const managedPages = (
    res: ServerResponse,
    params: URLSearchParams,
    nextUrl: (after: string) => string,
    headers: Record<string, string>,
  ) => {
    const limit = Math.min(100, Number(params.get('limit') ?? 25) || 25)
    sendJson(res, 200, pageOf(arg.pages, { limit, after: params.get('after'), nextUrl }), headers)
  }

  const debugToken = (res: ServerResponse, params: URLSearchParams, headers: Record<string, string>) => {
    const input = params.get('input_token') ?? ''
    const page = arg.pages.find((p) => p.access_token === input)
    if (!page && !isUserToken(input))
      return graphError(res, { code: 190, message: 'Invalid OAuth access token - Cannot parse access token' })
    sendJson(
      res,
      200,
      {
        data: {
          app_id: '5550001',
          application: 'Earshot',
          type: page ? 'PAGE' : 'USER',
          is_valid: page ? true : !userTokenExpired(),
          expires_at: page ? 0 : Math.floor(userTokenExpiresAt / 1000),
          data_access_expires_at: Math.floor(dataAccessExpiresAt() / 1000),
          scopes: ['pages_show_list', 'pages_read_engagement', 'pages_manage_engagement', 'pages_messaging'],
          user_id: '7000001',
          ...(page ? { profile_id: page.id } : {}),
        },
      },
      headers,
    )
  }

  return {
    isUserToken,
    userTokenExpired,
    managedPages,
    debugToken,
    control: {
      /** Moves the user token's expiry, e.g. into the past to see the app ask for a new one. */
      setUserTokenExpiry: (at: number) => {
        userTokenExpiresAt = at
      },
    },
  }
}
