import { randomBytes, randomUUID } from 'node:crypto';

/** Fresh throwaway credentials for one test: random, obviously not production values. */
export function testCredentials(): { apiKey: string; apiSecret: string; userId: string } {
  return {
    apiKey: randomUUID(),
    apiSecret: `test-secret-${randomBytes(12).toString('hex')}`,
    userId: '24680',
  };
}

export const testnetAddress = 'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx';
