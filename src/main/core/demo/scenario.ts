import type { Channel } from '../../../shared/domain'
import { BAKERY } from './business-bakery'
import { BIKE_SHOP, YOGA_STUDIO } from './business-clients'
import type { Business } from './phrasebook'

/** Every demo workspace carries this label, so nobody mistakes generated customers for real ones. */
export const DEMO_LABEL = 'Demo · '

export interface DemoAccountSpec {
  channel: Channel
  handle: string
  displayName: string
  /** Distinct customers on this account at scale 1. */
  contacts: number
  /** Conversations at scale 1; more conversations than customers means regulars write again. */
  conversations: number
  /** Share of private conversations (Messenger, DMs); mail is always private. */
  privateShare: number
}

export interface DemoWorkspaceSpec {
  business: Business
  accounts: readonly DemoAccountSpec[]
  /** The first n customers of each channel are the same people (same name), kept as separate contacts. */
  sharedPeople: number
}

/**
 * (a) a small Düsseldorf bakery with three channels; (b) a freelancer's two client workspaces.
 * Sizes give ~2,500 contacts and ~25,000 messages at scale 1.
 */
export const SCENARIO: readonly DemoWorkspaceSpec[] = [
  {
    business: BAKERY,
    sharedPeople: 12,
    accounts: [
      { channel: 'email', handle: 'hallo@baeckerei-sonnenschein.example', displayName: 'Bäckerei Sonnenschein', contacts: 500, conversations: 2150, privateShare: 1 },
      { channel: 'facebook', handle: 'baeckerei.sonnenschein.duesseldorf', displayName: 'Bäckerei Sonnenschein', contacts: 430, conversations: 1850, privateShare: 0.4 },
      { channel: 'x', handle: 'sonnenschein_dus', displayName: 'Bäckerei Sonnenschein', contacts: 300, conversations: 1150, privateShare: 0.1 },
    ],
  },
  {
    business: BIKE_SHOP,
    sharedPeople: 8,
    accounts: [
      { channel: 'email', handle: 'werkstatt@kettenblatt-rad.example', displayName: 'Fahrradladen Kettenblatt', contacts: 290, conversations: 1150, privateShare: 1 },
      { channel: 'facebook', handle: 'kettenblatt.rad', displayName: 'Fahrradladen Kettenblatt', contacts: 190, conversations: 800, privateShare: 0.5 },
      { channel: 'x', handle: 'kettenblatt_rad', displayName: 'Kettenblatt', contacts: 130, conversations: 480, privateShare: 0.1 },
    ],
  },
  {
    business: YOGA_STUDIO,
    sharedPeople: 8,
    accounts: [
      { channel: 'email', handle: 'hello@brightside-yoga.example', displayName: 'Brightside Yoga Studio', contacts: 310, conversations: 1250, privateShare: 1 },
      { channel: 'facebook', handle: 'brightsideyogaberlin', displayName: 'Brightside Yoga Studio', contacts: 200, conversations: 850, privateShare: 0.45 },
      { channel: 'x', handle: 'brightside_yoga', displayName: 'Brightside Yoga', contacts: 110, conversations: 470, privateShare: 0.1 },
    ],
  },
]
