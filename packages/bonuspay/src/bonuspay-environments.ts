export type BonusPayEnvironment = 'production' | 'sandbox';

/** BonusPay's two hosts; the sandbox is plain HTTP, as BonusPay publishes it. */
export const bonusPayBaseUrls: Readonly<Record<BonusPayEnvironment, string>> = Object.freeze({
  production: 'https://api.bonuspay.network/sgs/api',
  sandbox: 'http://api.testbonuspay.network/sgs/api',
});
