import { describe, expect, it } from 'vitest'
import { readSignature, signatureLines } from './signature'

describe('reading a mail signature', () => {
  it('finds handles, addresses and phone numbers below the "-- " line', () => {
    const body = [
      'Guten Tag,',
      '',
      'bitte bestätigen Sie meine Bestellung. Schreiben Sie gern auch an @jemand_anders.',
      '',
      'Viele Grüße',
      'Helene Armbruster',
      '-- ',
      'Food-Bloggerin · X: @helene_isst · facebook.com/helene.isst',
      'privat: Helene.Armbruster+shop@Posteo.example',
      'Tel. +49 151 2345 6789',
      'USt-IdNr. DE123456789',
    ].join('\n')
    expect(readSignature(body)).toEqual({
      emails: ['helene.armbruster@posteo.example'],
      handles: ['helene_isst', 'helene.isst'],
      phones: ['23456789'],
    })
  })

  it('falls back to the lines after a sign-off', () => {
    const body = 'Hi,\n\nsee you Friday.\n\nBest regards\nChen Kim\nhttps://x.com/chenkim_bakes\nMobile: 0176 555 01 23'
    expect(readSignature(body)).toEqual({ emails: [], handles: ['chenkim_bakes'], phones: ['65550123'] })
  })

  it('ignores quoted replies, where our own signature and handle live', () => {
    const body = [
      'Danke, passt!',
      '',
      'Liebe Grüße',
      'Jonas',
      '',
      'Am 12.05.2025 um 10:00 schrieb Bäckerei Sonnenschein <hallo@baeckerei-sonnenschein.example>:',
      '> Viele Grüße',
      '> Anna · @sonnenschein_dus · Tel. 0211 555555',
    ].join('\n')
    expect(signatureLines(body)).toEqual(['Jonas'])
    expect(readSignature(body)).toEqual({ emails: [], handles: [], phones: [] })
  })

  it('finds no signature in a mail without one, and does not take a mention in the text for one', () => {
    expect(signatureLines('@sonnenschein_dus wann öffnet ihr morgen?')).toEqual([])
    const long = ['Viele Grüße', ...Array.from({ length: 12 }, (_, i) => `Zeile ${i} @handle${i}`)].join('\n')
    expect(readSignature(long).handles).toEqual([])
  })
})
