import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// features/chart imports no other renderer feature (eslint.config.mjs, catalyst/no-other-feature),
// checked through the project's real lint configuration on code written as if it lived there.
const ROOT = resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

async function featureImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) });
  return result!.messages.filter((m) => m.ruleId === 'catalyst/no-other-feature').map((m) => m.message);
}

describe('feature boundaries (eslint.config.mjs)', () => {
  it.each([
    [
      'src/renderer/src/features/chart/x.ts',
      "import { useStudy } from '../study/study-state';\nexport const x = useStudy;\n",
      /features\/chart imports no other feature \(here features\/study\)/,
    ],
    [
      'src/renderer/src/features/chart/primitives/x.ts',
      "import { EventTooltip } from '../../events/event-tooltip';\nexport const x = EventTooltip;\n",
      /here features\/events/,
    ],
    [
      'src/renderer/src/features/chart/x.ts',
      "export { useStudyChart } from '../../features/study/study-chart';\n",
      /here features\/study/,
    ],
    [
      'src/renderer/src/features/chart/x.ts',
      "export const load = () => import('../watchlists/watchlists-panel');\n",
      /here features\/watchlists/,
    ],
  ])('refuses in %s: %s', async (file, code, message) => {
    const messages = await featureImports(file, code);
    expect(messages.length).toBe(1);
    expect(messages[0]).toMatch(message);
  });

  it.each([
    [
      'src/renderer/src/features/chart/x.ts',
      "import { legendValues } from './legend-values';\nexport const x = legendValues;\n",
    ],
    [
      'src/renderer/src/features/chart/primitives/x.ts',
      "import { ChartController } from '../chart-controller';\nexport const x = ChartController;\n",
    ],
    [
      'src/renderer/src/features/chart/x.ts',
      "import { useAppState } from '../../app/app-state';\nexport const x = useAppState;\n",
    ],
    [
      'src/renderer/src/features/chart/x.ts',
      "import { formatPrice } from '../../ui/format';\nexport const x = formatPrice;\n",
    ],
    [
      'src/renderer/src/features/study/x.ts',
      "import { ChartController } from '../chart/chart-controller';\nexport const x = ChartController;\n",
    ],
  ])('allows in %s: %s', async (file, code) => {
    expect(await featureImports(file, code)).toEqual([]);
  });
});
