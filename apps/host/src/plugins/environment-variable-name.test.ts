import { describe, expect, it } from 'vitest';
import { environmentVariableName } from './environment-variable-name';

describe('environmentVariableName', () => {
  it('joins parts in upper snake case', () => {
    expect(environmentVariableName('gatepay', 'secretKey')).toBe('GATEPAY_SECRET_KEY');
    expect(environmentVariableName('gatepay', 'eu-west.2', 'apiSecret')).toBe('GATEPAY_EU_WEST_2_API_SECRET');
    expect(environmentVariableName('REFUNDS_SANDBOX', 'iotpay', 'merchantKey')).toBe(
      'REFUNDS_SANDBOX_IOTPAY_MERCHANT_KEY',
    );
  });
});
