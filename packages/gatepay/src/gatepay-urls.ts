/** GatePay's only documented API host. Gate publishes no merchant sandbox; use `@refunds/gatepay/sandbox`. */
export const gatePayProductionUrl = 'https://openplatform.gateapi.io';

/**
 * Institution (sub-account) endpoints are the same paths under this prefix, and they also need the
 * `X-GatePay-On-Behalf-Of` header naming the sub-account.
 */
export const gatePayInstitutionPrefix = '/payment/open/institution';
