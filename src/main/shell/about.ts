/** Help ▸ About: what the app is built from and where its data comes from. */
export function aboutText(): string {
  return [
    'Offline-first research workstation for event-driven market analysis.',
    '',
    'Prices: Yahoo Finance chart API by default; Tiingo and Twelve Data with your own key; CSV files you import.',
    'The embedded study ships real daily prices with their provenance and adjustment notes (Info tab).',
    '',
    'Charts: TradingView Lightweight Charts™ (Apache-2.0), https://www.tradingview.com/',
    'Built with Electron, React, better-sqlite3 and zod (MIT licences).',
  ].join('\n');
}
