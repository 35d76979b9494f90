import { describe, expect, it } from 'vitest';
import {
  rememberedStudy,
  rememberStudy,
  type ChoiceStore,
} from '../../../../src/renderer/src/features/study/study-choice';

/** A storage as the window's localStorage behaves: strings by key. */
function memoryStore(): ChoiceStore & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

describe('the remembered study', () => {
  it('remembers the last opened study id', () => {
    const store = memoryStore();
    expect(rememberedStudy(store)).toBeNull();
    rememberStudy('japan-chip-rally', store);
    rememberStudy('china-tech-rally-2025-copy', store);
    expect(rememberedStudy(store)).toBe('china-tech-rally-2025-copy');
    expect([...store.items.keys()]).toEqual(['catalyst.study.open']);
  });

  it('ignores what is not a study id, and a storage that refuses', () => {
    const store = memoryStore();
    store.items.set('catalyst.study.open', '../../etc');
    expect(rememberedStudy(store)).toBeNull();
    const refusing: ChoiceStore = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => rememberStudy('x', refusing)).not.toThrow();
    expect(rememberedStudy(refusing)).toBeNull();
    expect(rememberedStudy(null)).toBeNull();
  });
});
