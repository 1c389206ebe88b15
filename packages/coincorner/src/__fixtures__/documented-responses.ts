/**
 * The response fields CoinCorner documents, with their JSON types (help pages "Response Information"):
 * CheckOrder's `MerchantOrder`; GetOrder's documented part (PaymentAddress, InvoiceAmount, InvoiceCurrency,
 * SettleAmount, SettleCurrency, CryptoAmount; the rest of the page could not be read); ASP.NET's `HttpError`.
 */
export type DocumentedType = 'string' | 'integer' | 'decimal';

export const documentedResponses: Record<
  'CheckOrder' | 'GetOrder' | 'Error',
  Record<string, DocumentedType>
> = {
  CheckOrder: { OrderId: 'string', OrderStatus: 'integer', OrderStatusText: 'string' },
  GetOrder: {
    OrderId: 'string',
    PaymentAddress: 'string',
    InvoiceAmount: 'decimal',
    InvoiceCurrency: 'string',
    SettleAmount: 'decimal',
    SettleCurrency: 'string',
    CryptoAmount: 'decimal',
  },
  Error: { Message: 'string' },
};

/** The documented XML root of each answer; GetOrder's is not documented, so any root is accepted there. */
export const documentedXmlRoots: Record<keyof typeof documentedResponses, string | undefined> = {
  CheckOrder: 'MerchantOrder',
  GetOrder: undefined,
  Error: 'Error',
};

/** Where a JSON answer breaks the documented shape (a missing field, a wrong JSON type); empty when it fits. */
export function jsonMismatches(text: string, shape: Record<string, DocumentedType>): string[] {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['not a JSON object'];
  const object = value as Record<string, unknown>;
  return Object.entries(shape).flatMap(([name, type]) => {
    const field = object[name];
    const fits =
      type === 'string'
        ? typeof field === 'string'
        : type === 'integer'
          ? Number.isInteger(field)
          : typeof field === 'number' && /^-?\d+(\.\d+)?$/.test(rawNumber(text, name) ?? '');
    return fits ? [] : [`${name} is not a JSON ${type}: ${JSON.stringify(field)}`];
  });
}

// A decimal must be a plain number literal (never exponent notation), as .NET writes it.
function rawNumber(text: string, name: string): string | undefined {
  return text.match(new RegExp(`"${name}"\\s*:\\s*(-?[0-9][0-9.eE+-]*)`))?.[1];
}

/** Where an XML answer breaks the documented shape: root, child element names and their text. */
export function xmlMismatches(
  text: string,
  shape: Record<string, DocumentedType>,
  root: string | undefined,
): string[] {
  const rootMatch = text.match(/^<([A-Za-z]+)[\s>]/);
  const problems: string[] = [];
  if (!rootMatch) return ['not an XML element'];
  if (root !== undefined && rootMatch[1] !== root) problems.push(`root is ${rootMatch[1]}, not ${root}`);
  for (const [name, type] of Object.entries(shape)) {
    const content = text.match(new RegExp(`<${name}>([^<]*)</${name}>`))?.[1];
    const pattern = type === 'string' ? /^[^<]*$/ : type === 'integer' ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/;
    if (content === undefined || !pattern.test(content)) problems.push(`<${name}> is not an XML ${type}`);
  }
  return problems;
}
