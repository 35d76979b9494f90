import { writeFileSync } from 'node:fs';
import { yahooChart, sessionTimestamp } from '../tests/main/sync/support/fake-provider';
import { realSeries, loadCsvBars } from '../tests/main/sync/support/series';
const out = 'tests/fixtures/sync/';
const s = Object.fromEntries(realSeries().map((x) => [x.symbol, x]));
const hk = (d: string) => sessionTimestamp(d, '00:00', 'UTC');
// 9988.HK January 2025 (period as the client sends: from-1 .. to+2 days, UTC midnight)
const p = (from: string, to: string) => [Date.parse(`${from}T00:00:00Z`) / 1000 - 86400, Date.parse(`${to}T00:00:00Z`) / 1000 + 2 * 86400];
const [a1, a2] = p('2025-01-01', '2025-01-31');
const a = s['9988.HK']!;
const jan = { ...a, bars: a.bars.filter((b) => b.date >= '2025-01-02' && b.date <= '2025-01-31') };
writeFileSync(out + 'yahoo-chart-9988.HK-2025-01.json', JSON.stringify(yahooChart(jan, a1, a2)) + '\n');
// empty: Lunar New Year holidays 2025-01-29..2025-01-31
const [e1, e2] = p('2025-01-29', '2025-01-31');
writeFileSync(out + 'yahoo-chart-9988.HK-empty.json', JSON.stringify(yahooChart({ ...a, bars: a.bars.filter((b) => b.date >= '2025-02-04') }, e1, e1 + 3 * 86400 - 86400 * 0)) + '\n');
// 0700.HK May 2025 raw prices: the shipped file is dividend-adjusted by 0.991346 before 2025-05-16
const t = s['0700.HK']!;
const F = 0.991346;
const raw = (v: number, d: string) => (d < '2025-05-16' ? Math.round((v / F) * 10) / 10 : v);
const may = t.bars.filter((b) => b.date >= '2025-05-02' && b.date <= '2025-05-21').map((b) => ({ date: b.date, open: raw(b.open, b.date), high: raw(b.high, b.date), low: raw(b.low, b.date), close: raw(b.close, b.date), volume: b.volume, adjClose: b.close }));
const [m1, m2] = p('2025-05-01', '2025-05-21');
writeFileSync(out + 'yahoo-chart-0700.HK-2025-05.json', JSON.stringify(yahooChart({ ...t, bars: may, dividends: [{ date: '2025-05-16', amount: 4.5 }] }, m1, m2)) + '\n');
writeFileSync(out + 'yahoo-chart-not-found.json', JSON.stringify({ chart: { result: null, error: { code: 'Not Found', description: 'No data found, symbol may be delisted' } } }) + '\n');
// Tiingo BABA January 2025 (recorded 2025-06-11: adjClose equals close since the 2024-06-13 ex-date)
const baba = s['BABA']!.bars.filter((b) => b.date >= '2025-01-02' && b.date <= '2025-01-31');
writeFileSync(out + 'tiingo-BABA-2025-01.json', JSON.stringify(baba.map((b) => ({ date: `${b.date}T00:00:00.000Z`, close: b.close, high: b.high, low: b.low, open: b.open, volume: b.volume, adjClose: b.close, adjHigh: b.high, adjLow: b.low, adjOpen: b.open, adjVolume: b.volume, divCash: 0.0, splitFactor: 1.0 }))) + '\n');
writeFileSync(out + 'tiingo-not-found.json', JSON.stringify({ detail: "Error: Ticker 'nope' not found" }) + '\n');
// Twelve Data 9988 HKEX January 2025, newest first, decimal strings
writeFileSync(out + 'twelvedata-9988-HKEX-2025-01.json', JSON.stringify({ meta: { symbol: '9988', interval: '1day', currency: 'HKD', exchange_timezone: 'Asia/Hong_Kong', exchange: 'HKEX', mic_code: 'XHKG', type: 'Common Stock' }, values: jan.bars.slice().reverse().map((b) => ({ datetime: b.date, open: b.open.toFixed(5), high: b.high.toFixed(5), low: b.low.toFixed(5), close: b.close.toFixed(5), volume: String(b.volume) })), status: 'ok' }, null, 2) + '\n');
writeFileSync(out + 'twelvedata-symbol-not-found.json', JSON.stringify({ code: 400, message: '**symbol** not found: NOPE. Please specify it correctly according to API Documentation.', status: 'error', meta: { symbol: 'NOPE', interval: '1day', exchange: '' } }) + '\n');
writeFileSync(out + 'twelvedata-rate-limit.json', JSON.stringify({ code: 429, message: 'You have run out of API credits for the current minute. 9 API credits were used, with the current limit being 8. Wait for the next minute or consider switching to a higher tier plan at https://twelvedata.com/pricing', status: 'error' }) + '\n');
void hk; void loadCsvBars;
