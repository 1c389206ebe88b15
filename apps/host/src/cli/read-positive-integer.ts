/** The longest delay `setTimeout` honours; a longer one fires at once, so a setting above it would lie. */
export const maximumTimerMs = 2_147_483_647;

export interface ReadPositiveIntegerOptions {
  /** The largest value that still means what it says, e.g. 65535 for a port. */
  maximum?: number;
  /** What the value counts, for the message, e.g. "milliseconds". */
  unit?: string;
}

/**
 * A numeric setting from the environment or the command line: undefined when absent, otherwise a positive
 * integer or an error naming the setting and what is wrong with its value. A value that is not what it looks
 * like (`60s`, `1.5`, `-1`, `0`) is refused rather than ignored: a host silently running on its default lease
 * while its operator believes otherwise is measured dishonestly.
 */
export function readPositiveInteger(
  name: string,
  text: string | undefined,
  options: ReadPositiveIntegerOptions = {},
): number | undefined {
  if (text === undefined) return undefined;
  const maximum = options.maximum ?? Number.MAX_SAFE_INTEGER;
  const expected = `a positive integer${options.unit === undefined ? '' : ` (${options.unit})`} from 1 to ${maximum}`;
  const problem = describeProblem(text.trim(), maximum);
  if (problem !== undefined) throw new Error(`${name} must be ${expected}, but it ${problem}.`);
  return Number(text.trim());
}

function describeProblem(text: string, maximum: number): string | undefined {
  if (text === '') return 'is empty; unset it to use the default';
  const shown = text.length > 40 ? `${text.slice(0, 40)}...` : text;
  const value = Number(text);
  if (!/^[-+]?[\d.eE+-]+$/.test(text) || !Number.isFinite(value)) return `is not a number ("${shown}")`;
  if (value === 0) return 'is zero';
  if (value < 0) return `is negative (${shown})`;
  if (!Number.isInteger(value)) return `is not an integer (${shown})`;
  // `1e3`, `+5` or `010.0`: an integer, but written so that a typo could hide in it.
  if (!/^\d+$/.test(text)) return `is not written in plain digits ("${shown}")`;
  return value > maximum ? `is above the maximum (${shown})` : undefined;
}
