/**
 * Yahoo stores prices as 32-bit floats and prints them as 64-bit doubles, so 82.4 arrives as
 * 82.4000015258789. When a value is exactly a float32, this returns the shortest decimal that
 * is the same float32 (82.4): the number the exchange printed. Any other value is returned
 * unchanged: nothing is rounded that was not a float32 artefact.
 */
export function cleanFloat32(x: number): number {
  if (!Number.isFinite(x)) return x;
  const f = Math.fround(x);
  if (f !== x) return x;
  // Fast path for prices of ordinary size: the fewest decimal places that give the same
  // float32. Between 1 and 1e7, fewer places means fewer significant digits, so the first
  // hit is the shortest decimal, the one the loop below would find.
  const a = Math.abs(x);
  if (a >= 1 && a < 1e7) {
    for (let places = 0, scale = 1; places <= 9; places++, scale *= 10) {
      // On the magnitude, so a tie rounds away from zero as toPrecision does.
      const candidate = Math.round(a * scale) / scale;
      if (Math.fround(candidate) === Math.abs(f)) return x < 0 ? -candidate : candidate;
    }
  }
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(x.toPrecision(digits));
    if (Math.fround(candidate) === f) return candidate;
  }
  return x;
}
