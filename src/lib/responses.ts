/** Responses of the JSON and GeoJSON endpoints, always UTF-8. */
export function jsonResponse(body: unknown, contentType = 'application/json', status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': `${contentType}; charset=utf-8` } });
}
