const int64Max = 9_223_372_036_854_775_807n;

/** CoinCorner's replay guard: one last-seen nonce per API key (the exact rule is undocumented, hence the option). */
export function createSandboxNonces(rule: 'strict' | 'unique') {
  const lastByKey = new Map<string, bigint>();
  const seenByKey = new Map<string, Set<bigint>>();
  return {
    /** Whether the nonce is an int64 the key may use now; records it when it is. */
    accept(apiKey: string, nonceText: string): boolean {
      if (!/^\d{1,19}$/.test(nonceText)) return false;
      const nonce = BigInt(nonceText);
      if (nonce > int64Max || nonce === 0n) return false;
      if (rule === 'strict') {
        if (nonce <= (lastByKey.get(apiKey) ?? 0n)) return false;
        lastByKey.set(apiKey, nonce);
        return true;
      }
      const seen = seenByKey.get(apiKey) ?? new Set<bigint>();
      if (seen.has(nonce)) return false;
      seen.add(nonce);
      seenByKey.set(apiKey, seen);
      return true;
    },
  };
}
