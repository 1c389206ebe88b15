/** `('gatepay', 'eu', 'secretKey')` -> `GATEPAY_EU_SECRET_KEY`: the conventional shape of a variable name. */
export function environmentVariableName(...parts: readonly string[]): string {
  return parts
    .map((part) =>
      part
        .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
        .replace(/[^A-Za-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, ''),
    )
    .filter((part) => part !== '')
    .join('_')
    .toUpperCase();
}
