// Dropin refuses every non-GET request whose Origin is not its own (cross-site
// request forgery). A browser adds the Origin header to every POST by itself; a
// test or benchmark that posts through Playwright's `request` API or Node's
// `fetch` must add it, as a browser would: `headers: { ...sameOrigin(baseURL) }`.
export function sameOrigin(baseURL: string): { Origin: string } {
  return { Origin: new URL(baseURL).origin };
}
