/**
 * The fingerprint Alertmanager gives an alert, computed the way `prometheus/common`
 * (`model/signature.go`, `labelSetToFingerprint`) does: FNV-1a 64 over each label name and
 * value in byte order of the names, each followed by the byte 0xff, printed as 16 hex digits.
 * An older Alertmanager's webhook carries no fingerprint; computing the same one keeps such an
 * alert the same alert when a newer sender or a pull reports it.
 */
export function labelsFingerprint(labels: Readonly<Record<string, string>>): string {
  const hash = new Fnv64a();
  for (const name of Object.keys(labels).sort(compareCodePoints)) {
    hash.addString(name);
    hash.addByte(SEPARATOR);
    hash.addString(labels[name]!);
    hash.addByte(SEPARATOR);
  }
  return hash.hex();
}

const SEPARATOR = 0xff;

/** Go sorts strings by their UTF-8 bytes, which is code point order, not UTF-16 unit order. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** 64-bit FNV-1a in two 32-bit halves: every intermediate product stays exact in a double. */
class Fnv64a {
  private hi = 0xcbf29ce4;
  private lo = 0x84222325;

  addByte(byte: number): void {
    const lo = (this.lo ^ byte) >>> 0;
    // prime = 2^40 + 0x1b3: the low half times 0x1b3, plus the low half shifted 40 bits, which
    // lands 8 bits up in the high half.
    const low = lo * 0x1b3;
    const carry = Math.floor(low / 0x1_0000_0000);
    this.lo = low >>> 0;
    this.hi = (this.hi * 0x1b3 + carry + (lo & 0xff_ffff) * 0x100) >>> 0;
  }

  addString(text: string): void {
    for (let i = 0; i < text.length; i++) {
      let cp = text.codePointAt(i)!;
      if (cp > 0xffff) i++;
      // A lone surrogate cannot be UTF-8; Go would have written U+FFFD.
      else if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
      if (cp < 0x80) this.addByte(cp);
      else if (cp < 0x800) {
        this.addByte(0xc0 | (cp >> 6));
        this.addByte(0x80 | (cp & 0x3f));
      } else if (cp < 0x10000) {
        this.addByte(0xe0 | (cp >> 12));
        this.addByte(0x80 | ((cp >> 6) & 0x3f));
        this.addByte(0x80 | (cp & 0x3f));
      } else {
        this.addByte(0xf0 | (cp >> 18));
        this.addByte(0x80 | ((cp >> 12) & 0x3f));
        this.addByte(0x80 | ((cp >> 6) & 0x3f));
        this.addByte(0x80 | (cp & 0x3f));
      }
    }
  }

  hex(): string {
    return this.hi.toString(16).padStart(8, '0') + this.lo.toString(16).padStart(8, '0');
  }
}
