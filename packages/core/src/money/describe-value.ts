import { quoteText } from './quote-text';

/** Names what was received, in words for an error message: `the number 10.5`, `null`, `an object`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'the string ' + quoteText(value);
    case 'number':
      return 'the number ' + String(value);
    case 'bigint':
      return 'the bigint ' + String(value);
    case 'undefined':
      return 'nothing (undefined)';
    case 'boolean':
      return 'the boolean ' + String(value);
    case 'object':
      return 'an object';
    default:
      return 'a ' + typeof value;
  }
}
