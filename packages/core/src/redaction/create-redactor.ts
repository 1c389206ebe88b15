export const redactedText = '[REDACTED]';

/**
 * Headers worth seeing in logs. Everything else (authorization, signatures, API keys, cookies) is replaced:
 * redaction is by allowlist, because a header we did not think of must not leak.
 */
const visibleHeaders = new Set([
  'accept',
  'content-language',
  'content-length',
  'content-type',
  'date',
  'retry-after',
  'user-agent',
  'x-request-id',
]);

// Field names that carry credentials or signatures in the providers' payloads, in any letter case.
const sensitiveField =
  /(secret|password|passwd|private|token|authorization|api-?key|^key$|^sign(ature)?$|[_-]sign(ature)?$|merchantkey)/i;
// A signature under a camelCase name (`paySign`, `bizSignature`); case-sensitive, or "design" would match.
const camelCaseSignature = /[a-z0-9](Sign|Signature)$/;

/** Whether a field's value is a credential or a signature, by its name alone. */
function isSensitiveField(name: string): boolean {
  return sensitiveField.test(name) || camelCaseSignature.test(name);
}

// A JSON member whose value is a string or a number, as written: `"sign" : "6B5C..."`.
const jsonMember = /"((?:[^"\\]|\\.)*)"(\s*:\s*)("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*)/g;

export interface Redactor {
  /** A deep copy of a value with every secret value and sensitive field replaced. */
  value(input: unknown): unknown;
  /** The text with every occurrence of a secret value replaced. */
  text(input: string): string;
  /** Only allowlisted headers, with secret values replaced in those too. */
  headers(input: Headers | Record<string, string> | undefined): Record<string, string>;
  /**
   * A request or response body, or a URL, as text: secret values replaced, and the values of sensitive fields
   * (signatures, keys) replaced wherever they appear as JSON members, form or query fields, or JSON inside a
   * form field (IOTPay's `params={...,"sign":"..."}`). A signature is no secret, but it is a credential for that
   * one message and identifies it: logs must not carry it. Everything else is left as written.
   */
  body(input: string): string;
}

/**
 * The one helper every error, log hook and `raw` payload passes through. `secrets` is read at each call so that
 * credentials loaded lazily from the environment are covered as soon as they exist.
 */
export function createRedactor(secrets: () => readonly (string | undefined)[]): Redactor {
  // Expanding the secrets (a PEM key into its lines) costs far more than using them, and redaction runs on
  // every request and every field of every answer: the forms are kept until the secret values change.
  let expandedFrom: readonly string[] = [];
  let forms: string[] = [];
  const currentSecrets = (): string[] => {
    // Very short values would blank out ordinary text while protecting nothing.
    const values = secrets().filter(
      (secret): secret is string => typeof secret === 'string' && secret.length >= 4,
    );
    if (
      values.length !== expandedFrom.length ||
      values.some((value, index) => value !== expandedFrom[index])
    ) {
      forms = values
        .flatMap((secret) => expandSecretForms(secret))
        .sort((left, right) => right.length - left.length);
      expandedFrom = values;
    }
    return forms;
  };

  const text = (input: string): string => {
    let output = input;
    for (const secret of currentSecrets()) {
      if (output.includes(secret)) output = output.split(secret).join(redactedText);
    }
    return output;
  };

  const value = (input: unknown, depth = 0): unknown => {
    if (typeof input === 'string') return text(input);
    if (input === null || typeof input !== 'object') return input;
    if (depth > 32) return redactedText;
    if (input instanceof Uint8Array) return text(new TextDecoder().decode(input));
    if (Array.isArray(input)) return input.map((item) => value(item, depth + 1));
    const output: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(input)) {
      output[key] = isSensitiveField(key) ? redactedText : value(item, depth + 1);
    }
    return output;
  };

  const headers = (input: Headers | Record<string, string> | undefined): Record<string, string> => {
    const output: Record<string, string> = {};
    if (!input) return output;
    const entries = input instanceof Headers ? [...input.entries()] : Object.entries(input);
    for (const [name, headerValue] of entries) {
      output[name.toLowerCase()] = visibleHeaders.has(name.toLowerCase()) ? text(headerValue) : redactedText;
    }
    return output;
  };

  const body = (input: string): string => redactFields(text(input));

  return { value: (input) => value(input), text, headers, body };
}

function redactFields(input: string): string {
  const trimmed = input.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return redactJsonMembers(input);
  const query = input.indexOf('?');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    return query === -1 ? input : `${input.slice(0, query + 1)}${redactForm(input.slice(query + 1))}`;
  }
  // A form body is one line of name=value pairs; anything else (plain text, HTML) is left alone.
  return /^[^\s=&]+=[^\s]*$/.test(input) ? redactForm(input) : input;
}

function redactJsonMembers(input: string): string {
  return input.replace(jsonMember, (member, name: string, colon: string) =>
    isSensitiveField(name) ? `"${name}"${colon}"${redactedText}"` : member,
  );
}

function redactForm(input: string): string {
  return input
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals === -1) return pair;
      const name = pair.slice(0, equals);
      if (isSensitiveField(decodeFormPart(name))) return `${name}=${redactedText}`;
      const decoded = decodeFormPart(pair.slice(equals + 1));
      const trimmed = decoded.trimStart();
      if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return pair;
      const redacted = redactJsonMembers(decoded);
      return redacted === decoded ? pair : `${name}=${encodeURIComponent(redacted)}`;
    })
    .join('&');
}

function decodeFormPart(part: string): string {
  try {
    return decodeURIComponent(part.replaceAll('+', ' '));
  } catch {
    return part;
  }
}

// A secret also leaks when it appears lower-cased (CoinCorner signs with the lower-cased secret) or encoded
// in a form body or URL.
function expandSecretForms(secret: string): string[] {
  const forms = new Set([secret, secret.toLowerCase(), secret.toUpperCase(), encodeURIComponent(secret)]);
  // PEM keys: any single line of the base64 body identifies the key.
  if (secret.includes('-----BEGIN')) {
    for (const line of secret.split(/\r?\n|\\n/))
      if (line.length >= 16 && !line.startsWith('-----')) forms.add(line);
  }
  return [...forms];
}
