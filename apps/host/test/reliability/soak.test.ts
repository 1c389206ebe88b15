import { describe, expect, it } from 'vitest';
import { runSoak } from './run-soak';

/**
 * CI's short variant of `pnpm soak`: a quarter of a minute of mixed traffic with 5% faults on SQLite and on
 * PostgreSQL, two crashes each, then `refunds audit`. Memory is measured but too briefly to judge here
 * (warm-up dominates); the full soak judges it.
 */
const minutes = Number(process.env.REFUNDS_SOAK_TEST_MINUTES ?? 0.25);

describe('soak, short variant', () => {
  it('ends with every refund at rest, matching its provider, and an audit without differences', async () => {
    const results = await runSoak({
      minutes,
      backends: ['sqlite', 'postgres'],
      crashes: 2,
      memoryGrowthLimit: Number.POSITIVE_INFINITY,
    });
    for (const result of results) {
      console.log(
        `soak ${result.backend}: ${result.refundsSent} refunds, ${result.faultsInjected} faults, ` +
          `${result.crashesSurvived} crashes, ${result.hostileRequests} fuzz cases, ${result.audit.audited} audited, ` +
          `${result.audit.differences} differences`,
      );
      expect(result.problems, `${result.backend}:\n${result.problems.join('\n')}`).toEqual([]);
      expect(result.faultsInjected, result.backend).toBeGreaterThan(0);
      expect(result.audit.audited, result.backend).toBeGreaterThan(0);
      expect(result.audit.differences, result.backend).toBe(0);
      expect(result.crashesSurvived, result.backend).toBe(2);
    }
  }, 300_000);
});
