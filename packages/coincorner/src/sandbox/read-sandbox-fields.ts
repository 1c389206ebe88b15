import { quoteJsonNumbers } from '@refunds/core';
import type { LoopbackRequest } from '@refunds/core/sandbox';
import { mediaTypeOf } from './reply-format';

// An element with text content; attributes allowed, since the documented CheckOrderParams sample puts an
// `xmlns` on each member inherited from the base model.
const xmlElement = /<([A-Za-z]+)(?:\s[^>]*)?>([^<]*)<\/\1>/g;

/**
 * The request's fields by lower-cased name, as ASP.NET binds them (case-insensitively) from a form, JSON or XML
 * body. Undefined for a media type the real API does not accept (it answers 415).
 */
export function readSandboxFields(request: LoopbackRequest): Map<string, string> | undefined {
  const mediaType = mediaTypeOf(request.headers.get('content-type') ?? '');
  const fields = new Map<string, string>();
  const add = (name: string, value: string) => {
    if (!fields.has(name.toLowerCase())) fields.set(name.toLowerCase(), value);
  };
  if (mediaType === 'application/x-www-form-urlencoded') {
    for (const [name, value] of new URLSearchParams(request.text)) add(name, value);
    return fields;
  }
  if (mediaType === 'application/json' || mediaType === 'text/json') {
    for (const [name, value] of Object.entries(parseJsonObject(request.text))) {
      if (typeof value === 'string') add(name, value);
    }
    return fields;
  }
  if (mediaType === 'application/xml' || mediaType === 'text/xml') {
    for (const match of request.text.matchAll(xmlElement)) {
      add(match[1] ?? '', decodeXmlText(match[2] ?? ''));
    }
    return fields;
  }
  return undefined;
}

// A body that does not parse binds as no fields at all, as in ASP.NET.
function parseJsonObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(quoteJsonNumbers(text));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function decodeXmlText(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}
