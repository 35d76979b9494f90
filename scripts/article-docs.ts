// Rewrites the generated tables of docs/article-import.md from the code (npm run docs:article).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { claimTableMarkdown, nameTableMarkdown, replaceBlock } from '../src/shared/domain/article/docs-tables';

const path = resolve(import.meta.dirname, '..', 'docs', 'article-import.md');
let doc = readFileSync(path, 'utf8');
doc = replaceBlock(doc, 'name-table', nameTableMarkdown());
doc = replaceBlock(doc, 'claim-rules', claimTableMarkdown());
writeFileSync(path, doc);
