import { generateKeyPairSync, randomBytes, randomInt } from 'node:crypto';
import bonusPayPlugin, { createBonusPay } from '@refunds/bonuspay';
import coinCornerPlugin, { createCoinCorner } from '@refunds/coincorner';
import type { RefundProviderV1, RefundRequest } from '@refunds/core';
import gatePayPlugin, { createGatePay } from '@refunds/gatepay';
import iotPayPlugin, { createIotPay } from '@refunds/iotpay';
import type { ProviderName } from './workspace-paths';

export interface BenchProvider {
  name: ProviderName;
  packageName: string;
  /** Setting names the provider's plugin declares secret: the host config must take them from the environment. */
  secretSettings: readonly string[];
  /** The provider's settings, pointed at an endpoint (the canned server's URL). */
  settings(endpointUrl: string): Record<string, unknown>;
  /** `fetch` replaces the global one, e.g. to capture what the client sends. */
  create(endpointUrl: string, fetch?: typeof globalThis.fetch): RefundProviderV1;
  /** A valid refund; `sequence` makes its refund id and order unique, so no order lock or memory interferes. */
  refundRequest(sequence: number): RefundRequest;
}

/**
 * Test credentials for one provider, shared by the client and the canned endpoint (which also gets the
 * private key BonusPay's platform signs with). Made once per run and handed to child processes as JSON.
 */
export function createBenchCredentials(name: ProviderName): Record<string, string> {
  switch (name) {
    case 'gatepay':
      return { clientId: 'bench-client', secretKey: `bench-secret-${randomBytes(24).toString('hex')}` };
    case 'iotpay':
      return {
        mchId: String(randomInt(10_000_000, 99_999_999)),
        merchantKey: `bench_${randomBytes(24).toString('hex')}`,
        loginName: 'bench1234',
      };
    case 'bonuspay': {
      const pair = () =>
        generateKeyPairSync('rsa', {
          modulusLength: 2048,
          publicKeyEncoding: { type: 'spki', format: 'pem' },
          privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
        });
      const merchant = pair();
      const platform = pair();
      return {
        partnerId: '200011144969',
        privateKey: merchant.privateKey,
        platformPublicKey: platform.publicKey,
        platformPrivateKey: platform.privateKey,
      };
    }
    case 'coincorner':
      return {
        apiKey: '42894db7-0204-4b2b-8235-89de5c65ffcd',
        apiSecret: randomBytes(16).toString('hex'),
        userId: '12345',
      };
  }
}

/** Refund ids from different processes and runs never meet in one ledger. */
function idPrefix(): string {
  return randomBytes(4).toString('hex');
}

export function createBenchProvider(name: ProviderName, credentials: Record<string, string>): BenchProvider {
  const prefix = idPrefix();
  switch (name) {
    case 'gatepay': {
      const settings = (endpointUrl: string) => ({
        clientId: credentials.clientId,
        secretKey: credentials.secretKey,
        baseUrl: endpointUrl,
      });
      return {
        name,
        packageName: '@refunds/gatepay',
        secretSettings: gatePayPlugin.secretSettings,
        settings,
        create: (endpointUrl, fetch) =>
          createGatePay({ ...settings(endpointUrl), ...(fetch ? { fetch } : {}) }),
        refundRequest: (sequence) => ({
          refundId: `rf${prefix}${sequence}`,
          // GatePay prepayIds are digit strings.
          orderId: String(
            1795311144424000000n +
              BigInt(Number.parseInt(prefix.slice(0, 5), 16)) * 10_000_000n +
              BigInt(sequence),
          ),
          amount: { amount: '1.00', currency: 'USDT' },
        }),
      };
    }
    case 'iotpay': {
      const settings = (endpointUrl: string) => ({
        mchId: credentials.mchId,
        merchantKey: credentials.merchantKey,
        loginName: credentials.loginName,
        clientIp: '127.0.0.1',
        baseUrl: endpointUrl,
      });
      return {
        name,
        packageName: '@refunds/iotpay',
        secretSettings: iotPayPlugin.secretSettings,
        settings,
        create: (endpointUrl, fetch) =>
          createIotPay({ ...settings(endpointUrl), ...(fetch ? { fetch } : {}) }),
        refundRequest: (sequence) => ({
          refundId: `rf${prefix}${sequence}`,
          orderId: `U2611220132249902${prefix}${sequence}`,
          amount: { amount: '1.00', currency: 'CAD' },
        }),
      };
    }
    case 'bonuspay': {
      const settings = (endpointUrl: string) => ({
        partnerId: credentials.partnerId,
        privateKey: credentials.privateKey,
        platformPublicKey: credentials.platformPublicKey,
        baseUrl: `${endpointUrl}/sgs/api`,
      });
      return {
        name,
        packageName: '@refunds/bonuspay',
        secretSettings: bonusPayPlugin.secretSettings,
        settings,
        create: (endpointUrl, fetch) =>
          createBonusPay({ ...settings(endpointUrl), ...(fetch ? { fetch } : {}) }),
        refundRequest: (sequence) => ({
          refundId: `rf${prefix}${sequence}`,
          orderId: `M2395311144${prefix}${sequence}`,
          amount: { amount: '25.00', currency: 'USDT' },
          destination: { address: 'TAvv2Mu6oiCQJWb4WqEVJS3W6dRk5X3ejc', network: 'TRON' },
        }),
      };
    }
    case 'coincorner': {
      const settings = (endpointUrl: string) => ({
        apiKey: credentials.apiKey,
        apiSecret: credentials.apiSecret,
        userId: credentials.userId,
        baseUrl: endpointUrl,
        // The bench compares one refund call with one bare POST of the same bytes; the order read CoinCorner
        // makes first by default (to check the currency) would be a second round trip on one side only.
        verifyOrderBeforeRefund: false,
      });
      return {
        name,
        packageName: '@refunds/coincorner',
        secretSettings: coinCornerPlugin.secretSettings,
        settings,
        create: (endpointUrl, fetch) =>
          createCoinCorner({ ...settings(endpointUrl), ...(fetch ? { fetch } : {}) }),
        refundRequest: (sequence) => ({
          refundId: `rf${prefix}${sequence}`,
          orderId: `${100_001 + sequence}`,
          amount: { amount: '10.00', currency: 'GBP' },
          destination: { address: 'tb1qzrrrgma0xskw0gcergp9geqqlgapv870rgxajz', network: 'bitcoin' },
        }),
      };
    }
  }
}
