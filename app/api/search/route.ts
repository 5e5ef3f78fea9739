// GET /api/search — (viewer) full-text search of article titles, standfirsts and bodies and of
// claim quotes: a page of results, best first, each with its snippet and where it opens.
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { decodeCursor, encodeCursor } from '@/lib/api/cursor'
import { apiRoute, readQuery } from '@/lib/api/handler'
import { presentSearchResult } from '@/lib/api/present'
import { searchQuery, type searchResponse } from '@/lib/api/schemas'
import { searchText } from '@/lib/search/query'
import { searchTheCoverage } from '@/lib/search/search'

export const dynamic = 'force-dynamic'

// Results are ranked, not in a stored order, so the cursor is the position in the ranking.
const searchKey = z.object({ offset: z.number().int().min(0).max(10_000) })

export const GET = apiRoute('viewer', async (request) => {
  const query = readQuery(request, searchQuery)
  const offset = query.cursor ? decodeCursor(query.cursor, searchKey).offset : 0
  const page = await searchTheCoverage({ text: searchText.parse(query.q), type: query.type ?? null, offset, limit: query.limit })
  return NextResponse.json({
    results: page.results.map(presentSearchResult),
    nextCursor: page.more ? encodeCursor({ offset: offset + page.results.length }) : null,
    capped: page.capped,
  } satisfies z.infer<typeof searchResponse>)
})
