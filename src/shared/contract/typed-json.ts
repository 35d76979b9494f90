/**
 * JSON for answers that hold typed arrays (`bars.range`'s columns) on a text transport, the
 * browser bridge's WebSocket. Electron's IPC and structured clone carry typed arrays as they
 * are; `JSON.stringify` would turn them into `{"0":…}` objects. The replacer writes
 * `{"$typed":"Float64Array","values":[…]}` (NaN becomes JSON null, which in a Float64Array
 * can only have been NaN); the reviver rebuilds the array.
 */
const TYPED = {
  Int32Array,
  Uint8Array,
  Float64Array,
} as const;

type TypedName = keyof typeof TYPED;

interface TypedJson {
  readonly $typed: TypedName;
  readonly values: ReadonlyArray<number | null>;
}

/** `JSON.stringify(value, typedArrayReplacer)`. */
export function typedArrayReplacer(_key: string, value: unknown): unknown {
  for (const name of Object.keys(TYPED) as TypedName[]) {
    if (value instanceof TYPED[name]) return { $typed: name, values: Array.from(value as ArrayLike<number>) };
  }
  return value;
}

/** `JSON.parse(text, typedArrayReviver)`. */
export function typedArrayReviver(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || !('$typed' in value)) return value;
  const t = value as TypedJson;
  const Ctor = Object.hasOwn(TYPED, t.$typed) ? TYPED[t.$typed] : null;
  if (!Ctor || !Array.isArray(t.values)) return value;
  return new Ctor(t.values.map((v) => (v === null ? NaN : v)));
}
