import { addressParser, decodeWords, type Address } from 'postal-mime'

/** Quotes, comments, groups, escapes and control characters but tab: postal-mime's tokenizer decides those. */
const NEEDS_PARSER = /["()\\:]|[^\t\x20-\uffff]/
const ANGLE = /^([^<>@]*)<([^<>@\s]+@[^<>@\s]+)>$/
const BARE = /^[^<>@\s]+@[^<>@\s]+$/

/**
 * An address header's list as postal-mime's addressParser reads it. The everyday forms — `a@b`,
 * `Name <a@b>`, lists of them — are read here with its rules (the name trimmed and decoded, an
 * empty name when it says nothing but the address); anything else goes to addressParser, whose
 * character-by-character tokenizer cost more than the rest of a simple mail's parse.
 */
export function readAddressList(value: string): Address[] {
  if (NEEDS_PARSER.test(value)) return addressParser(value)
  const list: Address[] = []
  for (const element of value.split(/[,;]/)) {
    const text = element.trim()
    if (!text) continue
    const angle = ANGLE.exec(text)
    const address = angle ? angle[2]! : BARE.test(text) ? text : null
    if (address === null) return addressParser(value)
    const name = decodeWords(angle?.[1]!.trim() || address)
    list.push({ address, name: name === address ? '' : name })
  }
  return list
}
