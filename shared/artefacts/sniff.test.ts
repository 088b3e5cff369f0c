import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PNG_1X1 } from '../../tests/support/image-bytes';
import { sniffArtefact } from './sniff';

const enc = (s: string) => new TextEncoder().encode(s);

describe('sniffing an artefact from its bytes', () => {
  it('knows a PNG, a JPEG, a GIF, a PDF and text, whatever they are called', () => {
    expect(sniffArtefact(PNG_1X1)).toEqual({ ok: true, value: { kind: 'image', mime: 'image/png', note: null } });
    expect(sniffArtefact(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0xff, 0xd9]))).toMatchObject({ ok: true, value: { mime: 'image/jpeg' } });
    expect(sniffArtefact(Uint8Array.from([...enc('GIF89a'), 1, 0, 1, 0, 0x3b]))).toMatchObject({ ok: true, value: { mime: 'image/gif' } });
    expect(sniffArtefact(enc('%PDF-1.7\n…'))).toMatchObject({ ok: true, value: { kind: 'pdf' } });
    expect(sniffArtefact(enc('2026-11-30T03:00:01Z ERROR pool exhausted\n'))).toEqual({ ok: true, value: { kind: 'text', mime: 'text/plain', note: null } });
  });

  it('shows SVG and HTML as text, never as active content', () => {
    expect(sniffArtefact(enc('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toMatchObject({ ok: true, value: { kind: 'text', note: 'SVG shown as text' } });
    expect(sniffArtefact(enc('<!DOCTYPE html><html><script>alert(1)</script>'))).toMatchObject({ ok: true, value: { kind: 'text', note: 'HTML shown as text' } });
  });

  it('refuses a damaged image, programs, archives, scripts and unknown binary, saying what it is', () => {
    expect(sniffArtefact(PNG_1X1.slice(0, 40))).toEqual({ ok: false, reason: 'it claims to be PNG but is cut short or damaged' });
    expect(sniffArtefact(Uint8Array.from([0x4d, 0x5a, 0x90, 0]))).toMatchObject({ ok: false, reason: expect.stringContaining('Windows program') });
    expect(sniffArtefact(Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2]))).toMatchObject({ ok: false, reason: expect.stringContaining('Linux program') });
    expect(sniffArtefact(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0]))).toMatchObject({ ok: false, reason: expect.stringContaining('zip') });
    expect(sniffArtefact(enc('#!/bin/sh\nrm -rf /'))).toMatchObject({ ok: false, reason: expect.stringContaining('script') });
    expect(sniffArtefact(Uint8Array.from([0, 1, 2, 3, 0, 0, 0xfe]))).toMatchObject({ ok: false, reason: expect.stringContaining('no type') });
    expect(sniffArtefact(new Uint8Array(0))).toEqual({ ok: false, reason: 'the file is empty' });
  });

  it('never calls random bytes an image unless they carry an image signature and structure', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        const sniffed = sniffArtefact(bytes);
        if (sniffed.ok && sniffed.value.kind === 'image') {
          const sig = [0x89, 0xff, 0x47, 0x52];
          expect(sig).toContain(bytes[0]);
        }
      }),
    );
  });

  it('lets any printable text in as text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }).filter((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s) && !s.startsWith('#!') && !/^\s*</.test(s) && !s.startsWith('%PDF-') && !s.startsWith('GIF8') && !s.startsWith('RIFF') && !s.startsWith('MZ') && !s.startsWith('PK')), (s) => {
        expect(sniffArtefact(enc(s))).toMatchObject({ ok: true, value: { kind: 'text' } });
      }),
    );
  });
});
