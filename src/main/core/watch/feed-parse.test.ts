import { describe, expect, it } from 'vitest'
import { decodeFeedBytes, FeedParseError, parseFeed } from './feed-parse'

const BASE = 'https://blog.example/feed.xml'

const rss = (items: string, head = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>${head}<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Foodblog &amp; mehr</title><link>https://blog.example/</link>${items}</channel></rss>`

describe('parseFeed', () => {
  it('reads RSS 2.0: guid, relative links, authors in each form, escaped and CDATA HTML reduced to text', () => {
    const feed = parseFeed(
      rss(`
        <item><title>Zimt &amp; Zucker</title><link>/2024/zimt</link><guid isPermaLink="false">urn:post:1</guid>
          <pubDate>Tue, 14 Nov 2023 10:00:00 +0100</pubDate><author>miriam@blog.example (Miriam Esser)</author>
          <description>&lt;p&gt;Die &lt;b&gt;Bäckerei&lt;/b&gt; &amp;amp; mehr&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description></item>
        <item><title>Ohne GUID</title><link>https://blog.example/ohne</link><dc:creator>Kai</dc:creator>
          <content:encoded><![CDATA[<p>Erster Absatz</p><p>Zweiter &amp; letzter</p>]]></content:encoded></item>
        <item><title>Nichts</title><description>plain words</description></item>`),
      BASE,
    )
    expect(feed).toMatchObject({ format: 'rss', title: 'Foodblog & mehr', link: 'https://blog.example/' })
    const [first, second, third] = feed.entries
    expect(first).toEqual({
      id: 'urn:post:1',
      link: 'https://blog.example/2024/zimt',
      title: 'Zimt & Zucker',
      text: 'Die Bäckerei & mehr',
      author: { name: 'Miriam Esser', uri: null, email: 'miriam@blog.example' },
      publishedAt: Date.parse('2023-11-14T09:00:00Z'),
    })
    expect(second).toMatchObject({
      id: 'https://blog.example/ohne',
      text: 'Erster Absatz\nZweiter & letzter',
      author: { name: 'Kai' },
      publishedAt: null,
    })
    expect(third?.id).toMatch(/^sha256:[0-9a-f]{32}$/)
    expect(
      parseFeed(rss('<item><title>Nichts</title><description>plain words</description></item>'), BASE).entries[0]?.id,
    ).toBe(third?.id)
  })

  it('reads Atom 1.0: alternate links, html titles and content, the feed author as fallback', () => {
    const feed = parseFeed(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Rheinland &lt;i&gt;Reviews&lt;/i&gt;</title>
        <link rel="self" href="https://reviews.example/atom.xml"/><link href="https://reviews.example/"/>
        <author><name>Redaktion</name></author>
        <entry><id>tag:reviews.example,2024:1</id><title>Gut</title><link rel="edit" href="/edit/1"/><link rel="alternate" href="/r/1?a=1&amp;b=2"/>
          <updated>2024-03-01T08:00:00Z</updated><author><name>Petra</name><uri>https://reviews.example/u/petra</uri></author>
          <content type="html">&lt;p&gt;Sehr gut&lt;/p&gt;</content></entry>
        <entry><id>tag:reviews.example,2024:2</id><title>Text</title><summary>a &lt;b&gt; stays</summary></entry>
      </feed>`,
      'https://reviews.example/atom.xml',
    )
    expect(feed).toMatchObject({ format: 'atom', title: 'Rheinland Reviews', link: 'https://reviews.example/' })
    expect(feed.entries[0]).toEqual({
      id: 'tag:reviews.example,2024:1',
      link: 'https://reviews.example/r/1?a=1&b=2',
      title: 'Gut',
      text: 'Sehr gut',
      author: { name: 'Petra', uri: 'https://reviews.example/u/petra', email: null },
      publishedAt: Date.parse('2024-03-01T08:00:00Z'),
    })
    expect(feed.entries[1]).toMatchObject({ text: 'a <b> stays', author: { name: 'Redaktion' }, link: null })
  })

  it('never expands entities a DOCTYPE declares (no billion laughs) and refuses what is not a feed', () => {
    const laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    const feed = parseFeed(rss('<item><guid>g</guid><title>&lol2; &#228;&#xE4;</title></item>', laughs), BASE)
    expect(feed.entries[0]?.title).toBe('&lol2; ää')
    expect(() => parseFeed('<html><body>Not a feed</body></html>', BASE)).toThrow(
      new FeedParseError('This is not an RSS or Atom feed (its document element is <html>).'),
    )
    expect(() => parseFeed('<rss><channel><title>x</channel></rss>', BASE)).toThrow(
      /^The feed is not valid XML \(line 1: /,
    )
  })

  it('keeps only http(s) links', () => {
    const feed = parseFeed(rss('<item><guid>g</guid><link>javascript:alert(1)</link></item>'), BASE)
    expect(feed.entries[0]?.link).toBeNull()
  })
})

describe('decodeFeedBytes', () => {
  it('follows a BOM, then the XML declaration, then the HTTP charset', () => {
    const latin = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss>B\xe4ckerei</rss>', 'latin1')
    expect(decodeFeedBytes(latin, 'application/xml; charset=utf-8')).toContain('Bäckerei')
    expect(
      decodeFeedBytes(Buffer.from('<rss>B\xe4ckerei</rss>', 'latin1'), 'text/xml; charset=windows-1252'),
    ).toContain('Bäckerei')
    expect(
      decodeFeedBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<rss>Bäckerei</rss>')]), null),
    ).toBe('<rss>Bäckerei</rss>')
  })
})
