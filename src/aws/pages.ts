/**
 * Every page of a paginated AWS listing, in order: `fetch` is called with the previous page's
 * `NextToken` (none for the first) until a page comes back without one.
 */
export async function forEachPage<P extends { NextToken?: string | undefined }>(
  fetch: (nextToken: string | undefined) => Promise<P>,
  each: (page: P) => void,
): Promise<void> {
  let nextToken: string | undefined;
  do {
    const page = await fetch(nextToken);
    each(page);
    nextToken = page.NextToken;
  } while (nextToken);
}
