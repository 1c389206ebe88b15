import type { Ledger } from './ledger';

/**
 * The ledger as one request sees it: every event it writes names `actor`, the API key that asked. Lets code
 * written for the reconciler (a sync runs the reconciler's own pass) record who asked without knowing of keys.
 */
export function withEventActor<L extends Pick<Ledger, 'transition' | 'appendEvent'>>(
  ledger: L,
  actor: string,
): L {
  const stamp = (data: unknown) =>
    typeof data === 'object' && data !== null && !Array.isArray(data)
      ? { ...data, actor }
      : { actor, ...(data === undefined ? {} : { data }) };
  return new Proxy(ledger, {
    get(target, property, receiver) {
      if (property === 'transition') {
        return ((refundId, change) =>
          target.transition(refundId, {
            ...change,
            event: { ...change.event, data: stamp(change.event.data) },
          })) satisfies Ledger['transition'];
      }
      if (property === 'appendEvent') {
        return ((refundId, type, data) =>
          target.appendEvent(refundId, type, stamp(data))) satisfies Ledger['appendEvent'];
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
