import { describe, expect, it } from 'vitest';
import { createRevokedSessions } from './create-revoked-sessions';

describe('createRevokedSessions', () => {
  it('remembers a signed-out session until it would have expired', () => {
    let now = 0;
    const revoked = createRevokedSessions(10, () => now);
    revoked.revoke({ id: 'a', expiresAt: 100 });
    expect(revoked.has('a')).toBe(true);
    expect(revoked.has('b')).toBe(false);
    now = 100;
    expect(revoked.has('a')).toBe(false);
  });

  it('keeps at most `maximum` sessions, forgetting the oldest first', () => {
    const revoked = createRevokedSessions(2, () => 0);
    for (const id of ['a', 'b', 'c']) revoked.revoke({ id, expiresAt: 100 });
    expect(['a', 'b', 'c'].map((id) => revoked.has(id))).toEqual([false, true, true]);
  });
});
