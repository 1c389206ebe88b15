import { isIPv6 } from 'node:net';

/**
 * The group an address is limited as. An IPv6 client is normally given a whole /64 and can pick any address in
 * it, so a limit per single IPv6 address would be no limit; it is kept per /64. IPv4 (also written IPv4-mapped,
 * `::ffff:192.0.2.1`) stays per address.
 */
export function addressGroup(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1] as string;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('%')[0]?.split('::') ?? [];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = address.includes('::') && tail ? tail.split(':') : [];
  // A dotted IPv4 tail (`64:ff9b::192.0.2.1`) stands for two groups.
  const tailSize = tailGroups.length + (tail.includes('.') ? 1 : 0);
  const groups = address.includes('::')
    ? [...headGroups, ...Array(Math.max(0, 8 - headGroups.length - tailSize)).fill('0'), ...tailGroups]
    : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, '').toLowerCase())
    .join(':')}::/64`;
}
