import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimTableMarkdown, nameTableMarkdown } from '../../../../src/shared/domain/article/docs-tables';

const doc = readFileSync(resolve(import.meta.dirname, '..', '..', '..', '..', 'docs', 'article-import.md'), 'utf8');

describe('docs/article-import.md', () => {
  it('documents the name table and the claim patterns exactly as the code has them (npm run docs:article)', () => {
    expect(doc).toContain(nameTableMarkdown());
    expect(doc).toContain(claimTableMarkdown());
  });
});
