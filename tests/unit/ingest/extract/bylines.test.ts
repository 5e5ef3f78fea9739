import { describe, expect, test } from 'vitest'
import { bylinesFromJsonLd, parseByline, parseCredit } from '@/lib/ingest/extract/bylines'

describe('parseByline', () => {
  test.each([
    ['By Bill Rigby', ['Bill Rigby']],
    ['Reporting by Bill Rigby; Editing by Tim Dobbyn', ['Bill Rigby']],
    ['By Jane Doe and John Smith', ['Jane Doe', 'John Smith']],
    ['Jane Doe, John Smith', ['Jane Doe', 'John Smith']],
    ['By JANE DOE | Reuters', ['Jane Doe']],
    ['Jane Doe, Staff Writer', ['Jane Doe']],
    ['By | Workzone Team | •', ['Workzone Team']],
    ['By The Currency editors', ['The Currency editors']],
    ['By Jane Doe, Bloomberg Staff', ['Jane Doe']],
    ['Staff Writer', []],
    ['Jane Doe jane.doe@example.com @janedoe', ['Jane Doe']],
    ['By Jane Doe Updated 3 hours ago', ['Jane Doe']],
    ['By Jane Doe on June 6, 2013', ['Jane Doe']],
    ['Written by | Jane Doe', ['Jane Doe']],
    ['Dr. Andrew Huberman', ['Andrew Huberman']],
    ['Ludwig van Beethoven', ['Ludwig van Beethoven']],
    ['Rui Ma, Heba Ledwon & Suparn Patra', ['Rui Ma', 'Heba Ledwon', 'Suparn Patra']],
    ['This post was written by Jane Doe, Head of Marketing and Community Development', ['Jane Doe']],
    ['Jane Doe and John Smith, The Daily Courier', ['Jane Doe', 'John Smith']],
    ['Paramita (Guha) Ghosh', ['Paramita (Guha) Ghosh']],
    ['Jane Doe (Reuters)', ['Jane Doe']],
    ['Alon Zakai.', ['Alon Zakai']],
    ['By John Smith Jr.', ['John Smith Jr.']],
  ])('%s', (raw, expected) => {
    expect(parseByline(raw)).toEqual(expected)
  })

  test('credentials after a name are not names', () => {
    expect(parseByline('By Paul Deer, CFP®')).toEqual(['Paul Deer'])
    expect(parseByline('By Brenda Goodman, MA')).toEqual(['Brenda Goodman'])
    expect(parseByline('By Jane Doe, MD, and John Smith, Ph.D.')).toEqual(['Jane Doe', 'John Smith'])
    // A surname that is also a degree's letters, written as a name, stays a name.
    expect(parseByline('By RUI MA')).toEqual(['Rui Ma'])
  })

  test('a job title on its own line is not a name', () => {
    expect(parseByline('Enterprise Sales Executive')).toEqual([])
    expect(parseByline('Senior Software Engineer')).toEqual([])
    expect(parseByline('By Marketing Team')).toEqual(['Marketing Team'])
  })

  test('"By clicking …" is a sentence, not a credit', () => {
    expect(parseByline('By clicking Submit, I agree to the Privacy Policy and Terms of Use')).toEqual([])
    expect(parseByline('By signing up, you agree to our Terms')).toEqual([])
  })

  test('"Par" and "Por" credit an author as "By" does', () => {
    expect(parseByline('Par Sébastien Farcis')).toEqual(['Sébastien Farcis'])
    expect(parseByline('Por María López')).toEqual(['María López'])
  })

  test('drops credits that are not bylines and noise', () => {
    expect(parseByline('Photographs by Jane Doe')).toEqual([])
    expect(parseByline('Posted by admin')).toEqual([])
    expect(parseByline('https://www.facebook.com/janedoe')).toEqual([])
    expect(parseByline('December 19, 2025')).toEqual([])
  })

  test('de-duplicates, keeping the first spelling and the order', () => {
    expect(parseByline('By Jane Doe; JANE DOE; John Smith')).toEqual(['Jane Doe', 'John Smith'])
  })
})

describe('bylinesFromJsonLd', () => {
  test('reads strings, Person objects and arrays', () => {
    expect(bylinesFromJsonLd('Jane Doe')).toEqual(['Jane Doe'])
    expect(bylinesFromJsonLd({ '@type': 'Person', name: 'Jane Doe' })).toEqual(['Jane Doe'])
    expect(
      bylinesFromJsonLd([
        { '@type': 'Person', name: 'Jane Doe' },
        { '@type': 'Person', givenName: 'John', familyName: 'Smith' },
      ]),
    ).toEqual(['Jane Doe', 'John Smith'])
  })

  test('skips organisations when a person is credited, keeps them otherwise', () => {
    expect(
      bylinesFromJsonLd([
        { '@type': 'NewsMediaOrganization', name: 'Reuters' },
        { '@type': 'Person', name: 'Bill Rigby' },
      ]),
    ).toEqual(['Bill Rigby'])
    expect(bylinesFromJsonLd({ '@type': 'Organization', name: 'ServiceTitan' })).toEqual(['ServiceTitan'])
  })

  test('a Person named as a desk is credited, as after an explicit "By"', () => {
    expect(bylinesFromJsonLd({ '@type': 'Person', name: 'Example Connect Team' })).toEqual(['Example Connect Team'])
    expect(parseByline('Example Connect Team')).toEqual([])
  })

  test('ignores shapes that are not authors', () => {
    expect(bylinesFromJsonLd(42)).toEqual([])
    expect(bylinesFromJsonLd(null)).toEqual([])
    expect(bylinesFromJsonLd([{ '@type': 'Person' }, ['nested']])).toEqual([])
  })
})

describe('parseCredit', () => {
  test('an author field may hold a CMS login, which is still the credit', () => {
    expect(parseCredit('sara.r.peter')).toEqual(['sara.r.peter'])
    expect(parseCredit('Staff')).toEqual(['Staff'])
    expect(parseCredit('Jane Doe, Staff Writer')).toEqual(['Jane Doe'])
  })

  test('but not a URL, a handle or a default account', () => {
    expect(parseCredit('https://www.facebook.com/janedoe')).toEqual([])
    expect(parseCredit('@janedoe')).toEqual([])
    expect(parseCredit('admin')).toEqual([])
  })
})
