/**
 * `fixed` with each field of `computed` added as a getter that computes its value on first read and keeps it, on
 * top of the fields of `base` (getters shared, so a field computed through either object is computed once). Hook
 * events carry redacted copies of headers and bodies, and redacting costs a pass over each: a hook that reads
 * only the status (a metrics counter, say) pays for none of it, on every call. The fields are enumerable, so a
 * logger that serializes the event, or a spread of it, sees them all.
 */
export function withLazyFields<Fixed extends object, Computed extends object, Base extends object = object>(
  fixed: Fixed,
  computed: { [Key in keyof Computed]: () => Computed[Key] },
  base?: Base,
): Base & Fixed & Computed {
  const target = Object.assign(
    Object.defineProperties(Object.create(lazyFieldsPrototype), Object.getOwnPropertyDescriptors(base ?? {})),
    fixed,
  );
  for (const key in computed) {
    let kept: [unknown] | undefined;
    const get = () => {
      kept ??= [computed[key]()];
      return kept[0];
    };
    Object.defineProperty(target, key, { enumerable: true, get });
  }
  return target;
}

/**
 * Node's `console.log` and `util.inspect` would show each getter as `[Getter]`: shown instead as the plain object
 * it stands for. Keyed by `Symbol.for`, so nothing from `node:util` is imported (core also runs on the edge), and
 * on the prototype, so serializing or spreading an event never sees it.
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
