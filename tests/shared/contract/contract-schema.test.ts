import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { channels, pushEvents } from '../../../src/shared/contract/index';

/**
 * The contract as JSON Schema, committed next to this test: every channel's input schema (as
 * the renderer may send it: limits, enums, required fields, no extra keys) and its doc line,
 * every push event's doc. A change to the contract changes this file, so it shows in review.
 * After a deliberate change: `npx vitest run --config vitest.config.mts tests/shared/contract/contract-schema.test.ts -u`.
 */
function contractSnapshot(): string {
  const sorted = <T>(o: Record<string, T>) =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  const snapshot = {
    channels: sorted(
      Object.fromEntries(
        Object.entries(channels).map(([name, c]) => {
          // Refinements and transforms (date order, branded symbols) have no JSON Schema form: 'any' keeps the rest.
          const { $schema: _drop, ...input } = z.toJSONSchema(c.input, { io: 'input', unrepresentable: 'any' });
          return [name, { doc: c.doc, input }];
        }),
      ),
    ),
    pushEvents: sorted(Object.fromEntries(Object.entries(pushEvents).map(([name, e]) => [name, { doc: e.doc }]))),
  };
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

describe('contract schema snapshot', () => {
  it('matches the committed JSON Schema of every channel and push event', async () => {
    await expect(contractSnapshot()).toMatchFileSnapshot(
      './contract-schema.snapshot.json',
      'the IPC contract changed: if on purpose, run `npx vitest run --config vitest.config.mts tests/shared/contract/contract-schema.test.ts -u` and commit the snapshot with the change',
    );
  });

  it('carries the limits a reviewer needs to see', () => {
    const snap = JSON.parse(contractSnapshot()) as {
      channels: Record<string, { input: { properties?: Record<string, { maxItems?: number; maxLength?: number }> } }>;
    };
    expect(Object.keys(snap.channels).sort()).toEqual(Object.keys(channels).sort());
    expect(snap.channels['sync.start']!.input.properties!.symbols!.maxItems).toBe(5000);
  });
});
