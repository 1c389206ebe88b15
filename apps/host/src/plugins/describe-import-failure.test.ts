import { describe, expect, it } from 'vitest';
import { describeImportFailure } from './describe-import-failure';

describe('describeImportFailure', () => {
  it('says to install a package that is not there', () => {
    const error = Object.assign(new Error("Cannot find package '@refunds/x' imported from /app/host.js"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    expect(describeImportFailure('@refunds/x', error)).toBe(
      'package @refunds/x is not installed where the host can import it; install it (npm install @refunds/x)',
    );
  });

  it('shows the real cause when the package is there but a file or dependency of it is not', () => {
    const unbuilt = Object.assign(
      new Error("Cannot find module '/app/node_modules/@refunds/x/dist/index.js'"),
      {
        code: 'ERR_MODULE_NOT_FOUND',
      },
    );
    expect(describeImportFailure('@refunds/x', unbuilt)).toBe(
      "importing @refunds/x failed: Cannot find module '/app/node_modules/@refunds/x/dist/index.js'",
    );
  });
});
