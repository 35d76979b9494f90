import { useLayoutEffect } from 'react';
import { cssVariables, type ThemeName } from '../../../shared/theme';

/**
 * Sets the theme tokens as CSS custom properties on the root element, before the browser
 * paints, so the CSS, the chart palette and the window background read one set of colours.
 */
export function useThemeTokens(theme: ThemeName): void {
  useLayoutEffect(() => {
    const style = document.documentElement.style;
    for (const [name, value] of Object.entries(cssVariables(theme))) style.setProperty(name, value);
    // Native controls (inputs, selects, scrollbars) follow the theme chosen, not only the OS's.
    style.colorScheme = theme;
  }, [theme]);
}
