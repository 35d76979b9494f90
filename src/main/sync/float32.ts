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
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(x.toPrecision(digits));
    if (Math.fround(candidate) === f) return candidate;
  }
  return x;
}
