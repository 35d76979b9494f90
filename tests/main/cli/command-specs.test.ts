import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/main/cli/commands/index';

describe('the CLI command list (specs now, implementations on demand)', () => {
  it('loads, for every listed command, the implementation of that very command, with the spec it was listed by', async () => {
    const names = commands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const listed of commands) {
      const impl = await listed.load();
      expect(impl.name).toBe(listed.name);
      expect(impl.usage).toBe(listed.usage);
      expect(impl.summary).toBe(listed.summary);
      expect(impl.options).toEqual(listed.options);
      expect(impl.prepare).toBe(listed.prepare);
      expect(typeof impl.run).toBe('function');
    }
  });
});
