/**
 * An exact amount of one currency. `amount` is a plain decimal string (see `parseAmount`), never a JavaScript
 * number, because binary floating point cannot hold most decimal fractions.
 */
export type Money = { amount: string; currency: string };
