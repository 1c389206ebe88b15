export function fromJsonText(text: string | null): unknown {
  return text === null ? undefined : JSON.parse(text);
}
