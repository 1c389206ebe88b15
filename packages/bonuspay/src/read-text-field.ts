import { invalidRequest } from '@refunds/core';

export interface TextFieldRule {
  /** The name the caller used, e.g. `refundId`. */
  label: string;
  /** BonusPay's name for it, e.g. `refundMerchantOrderNo`. */
  providerField: string;
  maxLength: number;
  required?: boolean;
}

/**
 * A string field checked against BonusPay's limits before anything is sent. An optional field left empty is
 * omitted, as BonusPay ignores empty parameters; everything else that breaks a rule is refused (never
 * truncated), with an error naming the field and the rule.
 */
export function readTextField(value: unknown, rule: TextFieldRule): string | undefined {
  const { label } = rule;
  const bonusPayName = label === rule.providerField ? 'BonusPay' : `BonusPay's ${rule.providerField}`;
  if (value === undefined || value === null || value === '') {
    if (rule.required)
      throw invalidRequest(label, `${label} is required: ${bonusPayName} cannot be empty.`, 'bonuspay');
    return undefined;
  }
  if (typeof value !== 'string') {
    throw invalidRequest(label, `${label} must be a string, got ${describeInput(value)}.`, 'bonuspay');
  }
  if (value.length > rule.maxLength) {
    throw invalidRequest(
      label,
      `${label} must be at most ${rule.maxLength} characters (${bonusPayName} is String(${rule.maxLength})), got ${value.length}: shorten it.`,
      'bonuspay',
    );
  }
  return value;
}

export function describeInput(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return `the ${typeof value} ${String(value)}`;
  }
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
