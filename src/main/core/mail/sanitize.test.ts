import { describe, expect, it } from 'vitest'
import { restoreRemoteImages } from './frame'
import { BLOCKED_IMAGE_SRC, sanitizeMailHtml } from './sanitize'

describe('sanitizeMailHtml', () => {
  it('drops everything that could run code or navigate', () => {
    const hostile = [
      '<base href="http://evil.example/">',
      '<meta http-equiv="refresh" content="0;url=http://evil.example">',
      '<script>alert(1)</script>',
      '<img src="x" onerror="alert(1)">',
      '<svg onload="alert(1)"><script>alert(2)</script></svg>',
      '<a href="javascript:alert(1)">click</a>',
      '<a href="JaVaScRiPt&colon;alert(1)">click2</a>',
      '<iframe src="http://evil.example"></iframe>',
      '<form action="http://evil.example"><input name="pw"></form>',
      '<style>body { background: url(http://track.example/a) }</style>',
      '<div style="background-image: url(http://track.example/b); color: red">styled</div>',
      '<p style="width: expression(alert(1))">expr</p>',
      '<object data="x.swf"></object><embed src="x.swf">',
      '<body onload="alert(1)"><p onclick="alert(1)">text</p></body>',
    ].join('\n')
    const { html } = sanitizeMailHtml(hostile)
    for (const bad of ['<script', 'onerror', 'onload', 'onclick', 'javascript', '<svg', '<iframe', '<form', '<input', '<style',
      'url(', 'expression', '<meta', '<base', '<object', '<embed', 'evil.example', 'track.example']) {
      expect(html.toLowerCase()).not.toContain(bad)
    }
    expect(html).toContain('styled')
    expect(html).toContain('color:red')
    expect(html).toContain('text')
  })

  it('blocks remote images, keeping the address for later, and keeps cid: and data: images', () => {
    const { html, remoteImagesBlocked } = sanitizeMailHtml(
      '<img src="https://cdn.shop.de/logo.png" alt="Logo"><img src="cid:part1@x"><img src="data:image/png;base64,iVBOR">',
    )
    expect(remoteImagesBlocked).toBe(1)
    expect(html).toContain(`src="${BLOCKED_IMAGE_SRC}"`)
    expect(html).toContain('data-earshot-src="https://cdn.shop.de/logo.png"')
    expect(html).not.toMatch(/\ssrc="https:/)
    expect(html).toContain('src="cid:part1@x"')
    expect(html).toContain('src="data:image/png;base64,iVBOR"')
    expect(restoreRemoteImages(html)).toContain('src="https://cdn.shop.de/logo.png"')
  })

  it('removes and counts tracking pixels', () => {
    const { html, trackersRemoved } = sanitizeMailHtml(
      '<p>Hi</p><img src="http://t.example/o.gif" width="1" height="1"><img src="https://t.example/p" style="width:1px;height:1px"><img src="//t.example/q" width="0" height="0">',
    )
    expect(trackersRemoved).toBe(3)
    expect(html).toBe('<p>Hi</p>')
  })

  it('opens links outside the app without a referrer', () => {
    expect(sanitizeMailHtml('<a href="https://shop.de">x</a>').html).toBe(
      '<a href="https://shop.de" target="_blank" rel="noopener noreferrer">x</a>',
    )
  })
})
