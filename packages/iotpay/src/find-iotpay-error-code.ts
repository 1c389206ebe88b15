import type { IotPayErrorCode } from './iotpay-error-table';

// IOTPay answers most `retCode: FAIL` with free text and no code; these are the texts IOTPay documents and XxPay
// (which IOTPay forks) prints, in English and Chinese. Order matters: the first match wins.
const messagePatterns: readonly [RegExp, IotPayErrorCode][] = [
  [/request params\[|参数错误|parameter error/i, '0014'],
  [/post method|请使用post/i, '0011'],
  [/post data|post数据为空/i, '0012'],
  [/sign(ature)? (error|fail)|sign failed|签名错误|签名异常/i, '0013'],
  [/mchinfo|merchant (does )?not exist|商户不存在|key is null/i, '0015'],
  [/third.?party timeout|第三方超时/i, '0110'],
  [/third.?party|第三方异常/i, '0111'],
  [/not exist|not found|不存在/i, '0112'],
  [/already paid|已支付/i, '0113'],
  [/\bDB\b|database|创建退款订单失败/i, '0118'],
  [/system (error|exception)|timeout|系统错误|系统异常/i, '0010'],
];

/** The documented code a failure stands for: its `errCode` when it has one, else what its message says. */
export function findIotPayErrorCode(input: {
  errCode?: string | null;
  message?: string | null;
}): string | undefined {
  if (input.errCode) return input.errCode;
  const message = input.message ?? '';
  return messagePatterns.find(([pattern]) => pattern.test(message))?.[1];
}
