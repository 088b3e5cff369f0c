import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatListenAddress, parseListenAddress } from './listen-address';

describe('parseListenAddress', () => {
  it.each([
    ['0.0.0.0:9095', { host: '0.0.0.0', port: 9095 }],
    ['  10.1.2.3:80 ', { host: '10.1.2.3', port: 80 }],
    ['[::]:9095', { host: '::', port: 9095 }],
    ['[fe80::1]:0', { host: 'fe80::1', port: 0 }],
    ['warroom.local:9095', { host: 'warroom.local', port: 9095 }],
  ])('reads %s', (text, expected) => {
    expect(parseListenAddress(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['', '9095', '0.0.0.0', '0.0.0.0:', ':9095', '::1:9095', '0.0.0.0:65536', '0.0.0.0:9095/intake', 'http://0.0.0.0:9095', 'a b:1', '0.0.0.0:-1'])(
    'refuses %j with a message that shows the expected form',
    (text) => {
      const result = parseListenAddress(text);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(result.error.message).toContain('HOST:PORT');
      }
    },
  );

  it('reads back what it formats', () => {
    const host = fc.oneof(fc.ipV4(), fc.ipV6(), fc.domain());
    fc.assert(
      fc.property(host, fc.integer({ min: 0, max: 65_535 }), (h, port) => {
        const result = parseListenAddress(formatListenAddress({ host: h, port }));
        expect(result).toEqual({ ok: true, value: { host: h, port } });
      }),
    );
  });
});
