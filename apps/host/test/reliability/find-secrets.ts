/** The recognisable forms of a secret: as is, in either case, URL- and JSON-encoded, and each line of a PEM key. */
export function secretForms(secret: string): string[] {
  const forms = new Set([
    secret,
    secret.toLowerCase(),
    secret.toUpperCase(),
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
  ]);
  for (const line of secret.split(/\r?\n/)) {
    const trimmed = line.trim();
    // A PEM's base64 lines are secret; its BEGIN/END armour and short tails are not recognisable.
    if (trimmed.length >= 16 && !trimmed.startsWith('-----')) forms.add(trimmed);
  }
  return [...forms].filter((form) => form.length >= 8);
}

/** Names each secret found in the text, and where, for a failure message that does not print it. */
export function findSecrets(text: string, secrets: ReadonlyMap<string, string>, where: string): string[] {
  const found: string[] = [];
  for (const [name, secret] of secrets) {
    for (const form of secretForms(secret)) {
      const index = text.indexOf(form);
      if (index === -1) continue;
      const context = text.slice(Math.max(0, index - 80), index).replace(/\s+/g, ' ');
      found.push(`${name} in ${where}, after: ...${context}`);
      break;
    }
  }
  return found;
}
