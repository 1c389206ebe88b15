/**
 * Whether a pattern repeats a group that contains an alternation, such as `(a|a)*b` or `((x|y)z)+`. When two
 * alternatives can match the same text, each repetition doubles the ways to fail: `(a|a)*b` takes tens of
 * seconds on 28 `a`s. `safe-regex2` measures only nested quantifiers (star height), so it lets this family
 * through; refusing every repeated alternation is stricter than needed, but the fix is always at hand: a
 * character class (`[ab]*`) or a repetition outside the alternatives.
 */
export function hasRepeatedAlternation(pattern: string): boolean {
  // One entry per open group: whether an alternation appears anywhere inside it.
  const groups: boolean[] = [];
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index];
    if (character === '\\') {
      index++;
    } else if (character === '[') {
      index = endOfCharacterClass(pattern, index);
    } else if (character === '(') {
      groups.push(false);
    } else if (character === '|') {
      if (groups.length > 0) groups[groups.length - 1] = true;
    } else if (character === ')') {
      const hasAlternation = groups.pop() ?? false;
      if (!hasAlternation) continue;
      if (groups.length > 0) groups[groups.length - 1] = true;
      if (repeats(pattern, index + 1)) return true;
    }
  }
  return false;
}

/** The index of the `]` closing the class opened at `start` (in JavaScript, `[]` is an empty class). */
function endOfCharacterClass(pattern: string, start: number): number {
  let index = start + 1;
  if (pattern[index] === '^') index++;
  for (; index < pattern.length; index++) {
    if (pattern[index] === '\\') index++;
    else if (pattern[index] === ']') return index;
  }
  return pattern.length;
}

/** Whether a quantifier allowing more than one repetition starts at `index`: `*`, `+`, `{2}`, `{0,3}`, `{1,}`. */
function repeats(pattern: string, index: number): boolean {
  const next = pattern[index];
  if (next === '*' || next === '+') return true;
  if (next !== '{') return false;
  const bounds = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(index));
  if (bounds === null) return false; // A literal `{`.
  const minimum = Number(bounds[1]);
  if (bounds[2] === undefined) return minimum > 1;
  return bounds[3] === '' || Number(bounds[3]) > 1;
}
