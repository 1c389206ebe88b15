import type { LoopbackResponse } from '@refunds/core/sandbox';
import type { ReplyFormat } from './reply-format';

/** A field of an answer: text, or a number written as this exact literal (a .NET decimal or int). */
export type AnswerValue = string | { number: string } | null;

const dataContractNamespaces =
  'xmlns:i="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://schemas.datacontract.org/2004/07/CCPayments.Models"';

/**
 * A model answer in the negotiated format. JSON keeps the fields in the given order (JSON.NET writes declaration
 * order); XML is what DataContractSerializer writes: the root named after the model, members in alphabetical
 * order (the documented `MerchantOrder` sample shows that order), null as `i:nil`.
 */
export function modelAnswer(
  format: ReplyFormat,
  root: string,
  fields: Record<string, AnswerValue>,
): LoopbackResponse {
  const entries = Object.entries(fields);
  if (format.kind === 'json') {
    const members = entries.map(([name, value]) => `${JSON.stringify(name)}:${jsonLiteral(value)}`);
    return answer(200, format, `{${members.join(',')}}`);
  }
  const members = entries
    .sort(([first], [second]) => (first < second ? -1 : first > second ? 1 : 0))
    .map(([name, value]) =>
      value === null ? `<${name} i:nil="true"/>` : `<${name}>${escapeXml(textOf(value))}</${name}>`,
    );
  return answer(200, format, `<${root} ${dataContractNamespaces}>${members.join('')}</${root}>`);
}

/** ASP.NET Web API's error shape, the only one CoinCorner uses: `{"Message"}`, or `<Error><Message>` in XML. */
export function messageAnswer(status: number, message: string, format: ReplyFormat): LoopbackResponse {
  if (format.kind === 'json') return answer(status, format, JSON.stringify({ Message: message }));
  return answer(status, format, `<Error><Message>${escapeXml(message)}</Message></Error>`);
}

/**
 * RefundOrder's success, whose body is undocumented. 'empty' is an action returning `Ok()`: no body, and so no
 * JSON or XML media type that a client would try and fail to parse (the loopback server always sends a type,
 * so it says text/plain, which an empty body is). 'json-string' is an action returning an empty string: `""` in
 * JSON, DataContractSerializer's empty `<string/>` in XML.
 */
export function refundAcceptedAnswer(format: ReplyFormat, shape: 'empty' | 'json-string'): LoopbackResponse {
  if (shape === 'empty') {
    return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '' };
  }
  if (format.kind === 'json') return answer(200, format, '""');
  return answer(200, format, '<string xmlns="http://schemas.microsoft.com/2003/10/Serialization/"/>');
}

function answer(status: number, format: ReplyFormat, body: string): LoopbackResponse {
  return { status, headers: { 'content-type': `${format.mediaType}; charset=utf-8` }, body };
}

function jsonLiteral(value: AnswerValue): string {
  if (value === null) return 'null';
  return typeof value === 'string' ? JSON.stringify(value) : value.number;
}

function textOf(value: string | { number: string }): string {
  return typeof value === 'string' ? value : value.number;
}

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}
