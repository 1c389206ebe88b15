import type { LoopbackRequest } from '@refunds/core/sandbox';

export interface ReplyFormat {
  kind: 'json' | 'xml';
  /** The media type the answer is labelled with: the one the client asked for. */
  mediaType: string;
}

const formats: Record<string, ReplyFormat> = {
  'application/json': { kind: 'json', mediaType: 'application/json' },
  'text/json': { kind: 'json', mediaType: 'text/json' },
  'application/xml': { kind: 'xml', mediaType: 'application/xml' },
  'text/xml': { kind: 'xml', mediaType: 'text/xml' },
};
const json = formats['application/json'] as ReplyFormat;

/**
 * The reply format, chosen the way ASP.NET Web API's default content negotiation does (the reference: "the
 * response format follows the Accept header"): the most preferred type of `Accept` that the API writes; else
 * the request's own body type when it is JSON or XML (so an XML request without `Accept` gets XML); else JSON,
 * the first formatter. `*` wildcards match JSON, which comes first.
 */
export function negotiateReplyFormat(request: LoopbackRequest): ReplyFormat {
  const accepted = parseAccept(request.headers.get('accept') ?? '');
  for (const mediaType of accepted) {
    if (mediaType === '*/*' || mediaType === 'application/*' || mediaType === 'text/*') return json;
    const format = formats[mediaType];
    if (format) return format;
  }
  const bodyType = mediaTypeOf(request.headers.get('content-type') ?? '');
  return formats[bodyType] ?? json;
}

/** The media types of an `Accept` header, most preferred first; q=0 means "not this one". */
function parseAccept(header: string): string[] {
  return header
    .split(',')
    .map((part, index) => {
      const [type = '', ...parameters] = part.split(';');
      const quality = parameters
        .map((parameter) => parameter.trim().match(/^q=([\d.]+)$/i)?.[1])
        .find((value) => value !== undefined);
      return {
        mediaType: type.trim().toLowerCase(),
        quality: quality === undefined ? 1 : Number(quality),
        index,
      };
    })
    .filter((entry) => entry.mediaType !== '' && entry.quality > 0)
    .sort((first, second) => second.quality - first.quality || first.index - second.index)
    .map((entry) => entry.mediaType);
}

export function mediaTypeOf(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}
