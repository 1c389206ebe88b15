export {
  createRegistry,
  type ProviderAccountId,
  providerAccountIdPattern,
  type RefundRegistry,
} from './create-registry';
