/** Sessions signed out before they expired. */
export interface RevokedSessions {
  revoke(session: { id: string; expiresAt: number }): void;
  has(sessionId: string): boolean;
}

/**
 * Remembers signed-out sessions until they would have expired anyway, so a copied cookie stops working at
 * sign-out. In this process only: behind several host instances the cookie is still cleared in the browser,
 * and the session ends at its expiry everywhere. Bounded, so sign-outs cannot grow memory without end.
 */
export function createRevokedSessions(maximum = 10_000, clock = () => Date.now()): RevokedSessions {
  const revoked = new Map<string, number>();
  const prune = () => {
    const now = clock();
    for (const [id, expiresAt] of revoked) if (expiresAt <= now) revoked.delete(id);
  };
  return {
    revoke(session) {
      prune();
      revoked.set(session.id, session.expiresAt);
      // Oldest first out: a Map iterates in insertion order.
      for (const id of revoked.keys()) {
        if (revoked.size <= maximum) break;
        revoked.delete(id);
      }
    },
    has: (sessionId) => (revoked.get(sessionId) ?? 0) > clock(),
  };
}
