import { describe, expect, it } from 'vitest';
import { findIotPayErrorCode } from './find-iotpay-error-code';

describe('findIotPayErrorCode', () => {
  it('prefers an explicit errCode', () => {
    expect(findIotPayErrorCode({ errCode: '0113', message: 'signature error' })).toBe('0113');
  });

  // Texts from IOTPay's docs and from XxPay, whose server IOTPay forks.
  it.each([
    ['post method required', '0011'],
    ['请使用post方法', '0011'],
    ['post data empty', '0012'],
    ['signature error', '0013'],
    ['Verify XX refund sign failed.', '0013'],
    ['签名错误', '0013'],
    ['request params[mchRefundNo] error.', '0014'],
    ['request params[mchId] error.', '0014'],
    ["Can't found mchInfo[mchId=1] record in db.", '0015'],
    ['商户不存在', '0015'],
    ['payOrder is not exist.', '0112'],
    ['退款订单不存在', '0112'],
    ['refund order does not exist', '0112'],
    ['第三方超时', '0110'],
    ['第三方异常', '0111'],
    ['订单已支付', '0113'],
    ['创建退款订单失败', '0118'],
    ['DB错误', '0118'],
    ['支付中心系统异常', '0010'],
    ['system error', '0010'],
  ])('reads %j as %s', (message, code) => {
    expect(findIotPayErrorCode({ message })).toBe(code);
  });

  it('gives no code for a text it does not know', () => {
    expect(findIotPayErrorCode({ message: 'channel not available' })).toBeUndefined();
    expect(findIotPayErrorCode({})).toBeUndefined();
  });
});
