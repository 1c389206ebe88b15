import * as v from 'valibot';
import { readJsonDecimal } from '../json/read-json-decimal';

/**
 * An amount as BonusPay writes it, after `quoteJsonNumbers` turned the number into its exact text: read into a
 * plain decimal string without ever going through a float. A quoted amount is accepted too (lenient on input).
 */
export const bonusPayAmountSchema = v.pipe(
  v.string(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const decimal = readJsonDecimal(dataset.value);
    if (decimal === undefined) {
      addIssue({ message: `expected a decimal number, got ${JSON.stringify(dataset.value.slice(0, 40))}` });
      return NEVER;
    }
    return decimal;
  }),
);

/** BonusPay's Money: `{"currency":"USDT","amount":1.5}`. */
export const bonusPayMoneySchema = v.looseObject({
  currency: v.string(),
  amount: bonusPayAmountSchema,
});

export type BonusPayMoney = v.InferOutput<typeof bonusPayMoneySchema>;
