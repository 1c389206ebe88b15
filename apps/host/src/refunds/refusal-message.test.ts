import { describe, expect, it } from 'vitest';
import { refusalMessage } from './refusal-message';

describe('refusalMessage', () => {
  it('says a refusal the provider answered reached it, never that it was not sent', () => {
    const message = refusalMessage({
      failure: {
        code: 'invalid_request',
        message: 'BonusPay answered 400 INVALID_PARAMETER: chainCode: is required for a chain payment.',
      },
      failureOutcome: 'rejected',
    });
    expect(message).toContain('BonusPay answered 400 INVALID_PARAMETER: chainCode: is required');
    expect(message).toContain('reached the provider, which refused it');
    expect(message).not.toMatch(/not sent|never reached/);
    expect(message).toContain('new refundId');
  });

  it('says a refusal by the adapter never reached the provider', () => {
    const message = refusalMessage({
      failure: {
        code: 'invalid_request',
        message: 'destination.address is required: CoinCorner refunds to a Bitcoin address',
      },
      failureOutcome: 'not_sent',
    });
    expect(message).toContain('destination.address is required');
    expect(message).toContain('never reached the provider');
    expect(message).not.toContain('reached the provider, which');
  });

  it('ends each sentence with one full stop', () => {
    const message = refusalMessage({
      failure: { code: 'invalid_request', message: 'BonusPay needs both chainCode and refundAddress.' },
      failureOutcome: 'not_sent',
    });
    expect(message).not.toContain('..');
  });
});
