import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, labelsFingerprint } from './fingerprint';

describe('labelsFingerprint', () => {
  it('is the fingerprint Alertmanager and Grafana compute', () => {
    // Expected values from Grafana's webhook tests (grafana/alerting receivers/webhook/v1/webhook_test.go),
    // which run prometheus/common's labelSetToFingerprint.
    expect(labelsFingerprint({ alertname: 'alert1', lbl1: 'val1' })).toBe('fac0861a85de433a');
    expect(labelsFingerprint({ lbl1: 'val2', alertname: 'alert1' })).toBe('fab6861a85d5eeb5');
    // FNV-1a 64's offset basis: prometheus/common's emptyLabelSignature.
    expect(labelsFingerprint({})).toBe('cbf29ce484222325');
  });

  it('does not depend on key order, and is 16 hex digits for any labels', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.string(), { maxKeys: 8 }), (labels) => {
        const reversed = Object.fromEntries(Object.entries(labels).reverse());
        expect(labelsFingerprint(reversed)).toBe(labelsFingerprint(labels));
        expect(labelsFingerprint(labels)).toMatch(/^[0-9a-f]{16}$/);
      }),
    );
  });

  it('tells label sets apart that differ only where a name ends and a value begins', () => {
    expect(labelsFingerprint({ ab: 'c' })).not.toBe(labelsFingerprint({ a: 'bc' }));
    expect(labelsFingerprint({ a: '' })).not.toBe(labelsFingerprint({}));
  });
});

describe('compareCodePoints', () => {
  it('orders as Go orders UTF-8 bytes: an astral character after any BMP one', () => {
    expect(['\uffff', '😀', 'a'].sort(compareCodePoints)).toEqual(['a', '\uffff', '😀']);
    // Plain UTF-16 order would put the astral character first.
    expect(['\uffff', '😀'].sort()).toEqual(['😀', '\uffff']);
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
    expect(compareCodePoints('same', 'same')).toBe(0);
  });
});
