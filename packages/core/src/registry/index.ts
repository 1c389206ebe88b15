export { createRegistry, type ProviderAccountId, type RefundRegistry } from './create-registry';
