import { describe, expect, it } from 'vitest';
import { derTag, encodeDer } from './encode-der';

describe('encodeDer', () => {
  it('uses the short length form below 128 bytes', () => {
    expect(encodeDer(derTag.null)).toEqual(new Uint8Array([0x05, 0x00]));
    expect(encodeDer(derTag.octetString, new Uint8Array(127))).toEqual(
      new Uint8Array([0x04, 0x7f, ...new Uint8Array(127)]),
    );
  });

  it('uses the shortest long length form from 128 bytes', () => {
    expect(encodeDer(derTag.octetString, new Uint8Array(128)).subarray(0, 3)).toEqual(
      new Uint8Array([0x04, 0x81, 0x80]),
    );
    expect(encodeDer(derTag.octetString, new Uint8Array(256)).subarray(0, 4)).toEqual(
      new Uint8Array([0x04, 0x82, 0x01, 0x00]),
    );
    expect(encodeDer(derTag.sequence, new Uint8Array(70_000)).subarray(0, 5)).toEqual(
      new Uint8Array([0x30, 0x83, 0x01, 0x11, 0x70]),
    );
  });

  it('concatenates the contents in order', () => {
    expect(encodeDer(derTag.sequence, new Uint8Array([1, 2]), new Uint8Array([3]))).toEqual(
      new Uint8Array([0x30, 0x03, 1, 2, 3]),
    );
  });
});
