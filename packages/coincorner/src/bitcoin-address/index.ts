export {
  type BitcoinAddressCheck,
  type BitcoinAddressType,
  type BitcoinNetwork,
  parseBitcoinAddress,
} from './parse-bitcoin-address';
