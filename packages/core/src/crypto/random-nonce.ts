const alphanumeric = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// getRandomValues throws above 65,536 bytes per call.
const maximumRandomBytesPerCall = 65_536;

interface DrawingPlan {
  characters: string[];
  /**
   * Bytes at or above the largest multiple of the alphabet size are rejected: keeping them and taking the
   * remainder would favour the first characters of the alphabet (modulo bias).
   */
  acceptedBelow: number;
}

// Nonces are drawn on every signed request, nearly always from one alphabet: it is checked once, not per call.
let lastPlan: { alphabet: string; plan: DrawingPlan } | undefined;

function drawingPlan(alphabet: string): DrawingPlan {
  if (lastPlan?.alphabet === alphabet) return lastPlan.plan;
  const characters = Array.from(alphabet);
  if (characters.length === 0 || characters.length > 256) {
    throw new RangeError(`randomNonce alphabet must have 1 to 256 characters, got ${characters.length}.`);
  }
  // A repeated character would be drawn more often than the others.
  if (new Set(characters).size !== characters.length) {
    throw new RangeError('randomNonce alphabet must not repeat a character.');
  }
  const plan = { characters, acceptedBelow: 256 - (256 % characters.length) };
  lastPlan = { alphabet, plan };
  return plan;
}

/**
 * A random string of `length` characters drawn uniformly from `alphabet` (default: the 62 ASCII letters and
 * digits), from the platform's cryptographic random source.
 */
export function randomNonce(length = 32, alphabet: string = alphanumeric): string {
  if (!Number.isSafeInteger(length) || length < 0) {
    throw new RangeError(`randomNonce length must be a non-negative integer, got ${length}.`);
  }
  const { characters, acceptedBelow } = drawingPlan(alphabet);
  let nonce = '';
  let produced = 0;
  while (produced < length) {
    const wanted = Math.ceil(((length - produced) * 256) / acceptedBelow) + 8;
    const randomBytes = globalThis.crypto.getRandomValues(
      new Uint8Array(Math.min(wanted, maximumRandomBytesPerCall)),
    );
    for (const byte of randomBytes) {
      if (byte >= acceptedBelow) continue;
      nonce += characters[byte % characters.length];
      produced += 1;
      if (produced === length) break;
    }
  }
  return nonce;
}
