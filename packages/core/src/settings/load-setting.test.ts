import { afterEach, describe, expect, it } from 'vitest';
import { loadOptionalSetting, loadSetting } from './load-setting';

describe('loadSetting', () => {
  afterEach(() => {
    delete process.env.REFUNDS_TEST_SETTING;
  });

  it('prefers the explicit value, then the environment variable', () => {
    process.env.REFUNDS_TEST_SETTING = 'from-environment';
    const source = {
      provider: 'gatepay',
      settingName: 'secretKey',
      environmentVariable: 'REFUNDS_TEST_SETTING',
    };
    expect(loadSetting({ ...source, value: 'explicit' })).toBe('explicit');
    expect(loadSetting({ ...source, value: undefined })).toBe('from-environment');
  });

  it('names the setting and the variable when both are missing', () => {
    const attempt = () =>
      loadSetting({
        provider: 'gatepay',
        settingName: 'secretKey',
        environmentVariable: 'REFUNDS_TEST_SETTING',
        value: '',
      });
    expect(attempt).toThrow(/`secretKey` is missing: pass it to the factory or set the REFUNDS_TEST_SETTING/);
  });

  it('reads the environment at call time, not at import time', () => {
    const source = {
      provider: 'x',
      settingName: 'y',
      environmentVariable: 'REFUNDS_TEST_SETTING',
      value: undefined,
    };
    expect(loadOptionalSetting(source)).toBeUndefined();
    process.env.REFUNDS_TEST_SETTING = 'later';
    expect(loadOptionalSetting(source)).toBe('later');
  });
});
