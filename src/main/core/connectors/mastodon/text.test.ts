import { describe, expect, it } from 'vitest'
import { withMention } from '../../../../shared/openNetworkLength'
import { statusText } from './text'

describe('statusText', () => {
  it('reads a status as text: mentions, whole links, paragraphs and line breaks, entities decoded', () => {
    const html =
      '<p><span class="h-card" translate="no"><a href="https://m.example/@shop" class="u-url mention">@<span>shop</span></a></span> Brötchen &amp; Kaffee?<br />5 &lt; 7</p>' +
      '<p>Siehe <a href="https://example.com/menu/sonntag"><span class="invisible">https://</span><span class="ellipsis">example.com/menu/</span><span class="invisible">sonntag</span></a></p>'
    expect(statusText(html)).toBe('@shop Brötchen & Kaffee?\n5 < 7\n\nSiehe https://example.com/menu/sonntag')
  })

  it('drops what a hostile server could slip in, content and all', () => {
    const html =
      '<p>Hallo<script>alert(1)</script><style>p{}</style><img src="https://tracker.example/p.gif" onerror="x()"></p><iframe src="https://evil.example">x</iframe>'
    expect(statusText(html)).toBe('Hallo')
  })

  it('keeps text that looks like markup once decoded as text', () => {
    expect(statusText('<p>&amp;lt;b&amp;gt; ist kein Tag</p>')).toBe('&lt;b&gt; ist kein Tag')
  })
})

describe('withMention', () => {
  it('puts the customer’s handle first unless the reply already names them', () => {
    expect(withMention('Danke!', 'anna@chaos.social')).toBe('@anna@chaos.social Danke!')
    expect(withMention('Danke, @anna@chaos.social!', 'anna@chaos.social')).toBe('Danke, @anna@chaos.social!')
    expect(withMention('@ANNA@chaos.social danke', 'anna@chaos.social')).toBe('@ANNA@chaos.social danke')
    // Another Anna on another instance is not her.
    expect(withMention('@anna@mastodon.social fragt auch', 'anna@chaos.social')).toBe(
      '@anna@chaos.social @anna@mastodon.social fragt auch',
    )
    expect(withMention('Hallo @ben', 'ben')).toBe('Hallo @ben')
  })
})
