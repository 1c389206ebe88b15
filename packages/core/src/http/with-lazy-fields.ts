/**
 * `fixed` with each field of `computed` added as a getter that computes its value on first read and then keeps
 * it as a plain property. Hook events carry redacted copies of headers and bodies, and redacting costs a pass
 * over each: a hook that reads only the status (a metrics counter, say) pays for none of it, on every call. The
 * fields stay enumerable, so a logger that serializes the event, or a spread of it, still sees them all.
 */
export function withLazyFields<Fixed extends object, Computed extends object>(
  fixed: Fixed,
  computed: { [Key in keyof Computed]: () => Computed[Key] },
): Fixed & Computed {
  const target = Object.assign(Object.create(lazyFieldsPrototype), fixed) as Fixed & Computed;
  for (const key of Object.keys(computed) as (keyof Computed & string)[]) {
    Object.defineProperty(target, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = computed[key]();
        Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
        return value;
      },
    });
  }
  return target;
}

/**
 * Node's `console.log` and `util.inspect` show a getter as `[Getter]`: shown instead as the plain object it
 * stands for, every field computed. Keyed by `Symbol.for`, so nothing from `node:util` is imported (core also
 * runs on the edge), and on the prototype, so serializing or spreading an event never sees it.
 */
const lazyFieldsPrototype = {
  [Symbol.for('nodejs.util.inspect.custom')](
    this: object,
    _depth: number,
    options: unknown,
    inspect: (value: unknown, options: unknown) => string,
  ) {
    return inspect({ ...this }, options);
  },
};
