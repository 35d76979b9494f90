import type { InstrumentKind } from '../instrument';

/**
 * The shipped name → ticker table (documented in docs/article-import.md). Each row is one
 * company, index or asset: the spellings articles use for it (matched case-sensitively on
 * word boundaries, longest name first, so "Great Wall Motor" wins over "Great Wall"), the
 * listings proposed for it, and other listings of the same company (A-share or H-share pair,
 * ADR) the user may pick instead. A row whose names could mean several things lists them as
 * `ambiguous`: the reader then asks, it never picks one.
 *
 * Scope: the companies of the shipped article; the Hang Seng and mainland indices; the
 * largest US, Hong Kong and mainland listings; the main Asian and European indices and the
 * largest companies they hold; a few commodities and crypto assets. Symbols are Yahoo-style
 * (what the price providers answer to).
 */
export type NameKind = InstrumentKind | 'commodity' | 'crypto';

export interface Listing {
  readonly symbol: string;
  readonly name: string;
}

export interface NameRow {
  readonly names: readonly string[];
  readonly kind: NameKind;
  /** The listings proposed when the name is found (a Hong Kong line and its US ADR both, as the embedded study does). */
  readonly listings: readonly Listing[];
  /** Other listings of the same company, offered but not proposed. */
  readonly pairs?: readonly Listing[];
  /** When set, the name is ambiguous: these are the candidates and nothing is proposed until the user picks. */
  readonly ambiguous?: readonly Listing[];
  /** A name that is not a listing (a central bank, a private company): matched so that a shorter listed name inside it ("Bank of China" in "People’s Bank of China") is not. */
  readonly unlisted?: true;
}

const L = (symbol: string, name: string): Listing => ({ symbol, name });
const idx = (names: string[], symbol: string, name: string): NameRow => ({
  names,
  kind: 'index',
  listings: [L(symbol, name)],
});
const eq = (names: string[], listings: Listing[], pairs?: Listing[]): NameRow => ({
  names,
  kind: 'equity',
  listings,
  ...(pairs ? { pairs } : {}),
});
const amb = (names: string[], kind: NameKind, candidates: Listing[]): NameRow => ({
  names,
  kind,
  listings: [],
  ambiguous: candidates,
});

const unlisted = (names: string[]): NameRow => ({ names, kind: 'equity', listings: [], unlisted: true });

export const NAME_TABLE: readonly NameRow[] = [
  // Not listed: central banks, agencies and private companies articles name next to listed ones
  unlisted(['People’s Bank of China', "People's Bank of China", 'PBOC', 'PBoC']),
  unlisted(['Bank of Japan', 'Bank of England', 'Bank of Korea', 'Reserve Bank of India', 'Reserve Bank of Australia']),
  unlisted(['Federal Reserve', 'European Central Bank', 'Hong Kong Monetary Authority']),
  unlisted(['OpenAI', 'DeepSeek', 'Anthropic', 'ByteDance', 'Huawei', 'Unitree', 'Zhipu', 'Moonshot AI']),
  // Hong Kong and mainland indices
  idx(['Hang Seng Index', 'Hang Seng index', 'HSI', 'Hang Seng'], '^HSI', 'Hang Seng Index'),
  idx(
    [
      'Hang Seng Tech Index',
      'Hang Seng TECH Index',
      'Hang Seng Tech index',
      'Hang Seng Technology Index',
      'Hang Seng Tech',
      'HSTECH',
      'HS Tech',
    ],
    'HSTECH.HK',
    'Hang Seng TECH Index',
  ),
  idx(['Hang Seng China Enterprises Index', 'HSCEI', 'H-share index'], '^HSCE', 'Hang Seng China Enterprises Index'),
  idx(
    [
      'Shanghai Composite Index',
      'Shanghai Composite',
      'SSE Composite Index',
      'SSE Composite',
      'Shanghai Stock Exchange Composite',
    ],
    '000001.SS',
    'SSE Composite Index',
  ),
  idx(['Shenzhen Component Index', 'Shenzhen Component'], '399001.SZ', 'SZSE Component Index'),
  idx(['CSI 300 Index', 'CSI 300', 'CSI300'], '000300.SS', 'CSI 300 Index'),
  idx(['STAR 50 Index', 'STAR 50', 'STAR Market 50'], '000688.SS', 'SSE STAR 50 Index'),
  idx(['ChiNext Index', 'ChiNext'], '399006.SZ', 'ChiNext Index'),
  // US indices
  idx(['S&P 500 Index', 'S&P 500', 'S&P500', 'Standard & Poor’s 500', 'SPX'], '^GSPC', 'S&P 500'),
  idx(['Nasdaq Composite Index', 'Nasdaq Composite', 'NASDAQ Composite'], '^IXIC', 'Nasdaq Composite'),
  idx(['Nasdaq-100', 'Nasdaq 100', 'NASDAQ-100', 'NASDAQ 100'], '^NDX', 'Nasdaq-100'),
  amb(['Nasdaq', 'NASDAQ'], 'index', [
    L('^IXIC', 'Nasdaq Composite'),
    L('^NDX', 'Nasdaq-100'),
    L('NDAQ', 'Nasdaq, Inc. (the exchange operator)'),
  ]),
  idx(['Dow Jones Industrial Average', 'Dow Jones', 'the Dow', 'DJIA'], '^DJI', 'Dow Jones Industrial Average'),
  idx(['Russell 2000'], '^RUT', 'Russell 2000'),
  idx(
    ['Philadelphia Semiconductor Index', 'PHLX Semiconductor Index', 'SOX index'],
    '^SOX',
    'PHLX Semiconductor Index',
  ),
  idx(['VIX', 'Cboe Volatility Index'], '^VIX', 'Cboe Volatility Index'),
  // Asian and European indices
  idx(['Nikkei 225', 'Nikkei Stock Average', 'Nikkei'], '^N225', 'Nikkei 225'),
  idx(['TOPIX'], '^TOPX', 'TOPIX'),
  idx(['KOSPI', 'Kospi'], '^KS11', 'KOSPI Composite'),
  idx(['Taiex', 'TAIEX'], '^TWII', 'TAIEX'),
  idx(['Straits Times Index', 'STI'], '^STI', 'Straits Times Index'),
  idx(['Sensex', 'BSE Sensex'], '^BSESN', 'S&P BSE Sensex'),
  idx(['Nifty 50', 'Nifty'], '^NSEI', 'Nifty 50'),
  idx(['S&P/ASX 200', 'ASX 200'], '^AXJO', 'S&P/ASX 200'),
  idx(['FTSE 100', 'FTSE'], '^FTSE', 'FTSE 100'),
  idx(['DAX'], '^GDAXI', 'DAX'),
  idx(['CAC 40'], '^FCHI', 'CAC 40'),
  idx(['Euro Stoxx 50', 'EURO STOXX 50'], '^STOXX50E', 'EURO STOXX 50'),
  idx(['Stoxx Europe 600', 'STOXX 600', 'Stoxx 600'], '^STOXX', 'STOXX Europe 600'),

  // The shipped article's companies (Hong Kong line first, its US ADR where there is one)
  eq(['Alibaba Group', 'Alibaba'], [L('9988.HK', 'Alibaba Group (Hong Kong)'), L('BABA', 'Alibaba Group (ADR)')]),
  eq(['Baidu'], [L('9888.HK', 'Baidu (Hong Kong)'), L('BIDU', 'Baidu (ADR)')]),
  eq(['Xiaomi'], [L('1810.HK', 'Xiaomi')]),
  eq(['BYD Company', 'BYD'], [L('1211.HK', 'BYD (H share)')], [L('002594.SZ', 'BYD (A share)')]),
  eq(
    ['Great Wall Motor', 'Great Wall Motors'],
    [L('2333.HK', 'Great Wall Motor (H share)')],
    [L('601633.SS', 'Great Wall Motor (A share)')],
  ),
  amb(['Great Wall'], 'equity', [
    L('2333.HK', 'Great Wall Motor (H share)'),
    L('000066.SZ', 'China Greatwall Technology'),
  ]),
  eq(['Tencent Holdings', 'Tencent'], [L('0700.HK', 'Tencent Holdings')], [L('TCEHY', 'Tencent (OTC ADR)')]),
  eq(['China Mobile'], [L('0941.HK', 'China Mobile')], [L('600941.SS', 'China Mobile (A share)')]),
  eq(['China Telecom'], [L('0728.HK', 'China Telecom (H share)')], [L('601728.SS', 'China Telecom (A share)')]),
  eq(
    ['China Unicom'],
    [L('0762.HK', 'China Unicom (Hong Kong)')],
    [L('600050.SS', 'China United Network Communications (A share)')],
  ),

  // Other large Hong Kong and mainland listings
  eq(['Meituan'], [L('3690.HK', 'Meituan')]),
  eq(['JD.com', 'JD'], [L('9618.HK', 'JD.com (Hong Kong)'), L('JD', 'JD.com (ADR)')]),
  eq(['NetEase'], [L('9999.HK', 'NetEase (Hong Kong)'), L('NTES', 'NetEase (ADR)')]),
  eq(['Trip.com'], [L('9961.HK', 'Trip.com (Hong Kong)'), L('TCOM', 'Trip.com (ADR)')]),
  eq(['Kuaishou'], [L('1024.HK', 'Kuaishou Technology')]),
  eq(['PDD Holdings', 'Pinduoduo', 'PDD'], [L('PDD', 'PDD Holdings')]),
  eq(['NIO', 'Nio'], [L('NIO', 'NIO (NYSE)'), L('9866.HK', 'NIO (Hong Kong)')]),
  eq(['XPeng', 'Xpeng'], [L('XPEV', 'XPeng (NYSE)'), L('9868.HK', 'XPeng (Hong Kong)')]),
  eq(['Li Auto'], [L('LI', 'Li Auto (Nasdaq)'), L('2015.HK', 'Li Auto (Hong Kong)')]),
  eq(['Geely Automobile', 'Geely Auto', 'Geely'], [L('0175.HK', 'Geely Automobile')]),
  eq(
    ['SMIC', 'Semiconductor Manufacturing International'],
    [L('0981.HK', 'SMIC (H share)')],
    [L('688981.SS', 'SMIC (A share)')],
  ),
  eq(['Hua Hong Semiconductor', 'Hua Hong'], [L('1347.HK', 'Hua Hong Semiconductor')]),
  eq(['Lenovo'], [L('0992.HK', 'Lenovo Group')]),
  eq(['ZTE'], [L('0763.HK', 'ZTE (H share)')], [L('000063.SZ', 'ZTE (A share)')]),
  eq(['Sunny Optical'], [L('2382.HK', 'Sunny Optical Technology')]),
  eq(['SenseTime'], [L('0020.HK', 'SenseTime Group')]),
  eq(['Horizon Robotics'], [L('9660.HK', 'Horizon Robotics')]),
  eq(['Cambricon'], [L('688256.SS', 'Cambricon Technologies')]),
  eq(['Hikvision'], [L('002415.SZ', 'Hangzhou Hikvision Digital Technology')]),
  eq(['Pop Mart'], [L('9992.HK', 'Pop Mart International')]),
  eq(['Laopu Gold'], [L('6181.HK', 'Laopu Gold')]),
  eq(['Mixue'], [L('2097.HK', 'Mixue Group')]),
  eq(['Anta Sports', 'Anta'], [L('2020.HK', 'Anta Sports')]),
  eq(['Li Ning'], [L('2331.HK', 'Li Ning')]),
  eq(['Nongfu Spring'], [L('9633.HK', 'Nongfu Spring')]),
  eq(['Haier Smart Home', 'Haier'], [L('6690.HK', 'Haier Smart Home (H share)')]),
  eq(['Midea Group', 'Midea'], [L('0300.HK', 'Midea Group (H share)')], [L('000333.SZ', 'Midea Group (A share)')]),
  eq(
    ['CATL', 'Contemporary Amperex Technology', 'Contemporary Amperex'],
    [L('300750.SZ', 'CATL (A share)'), L('3750.HK', 'CATL (H share)')],
  ),
  eq(['Kweichow Moutai', 'Moutai'], [L('600519.SS', 'Kweichow Moutai')]),
  eq(
    ['Ping An Insurance', 'Ping An Insurance Group'],
    [L('2318.HK', 'Ping An Insurance (H share)')],
    [L('601318.SS', 'Ping An Insurance (A share)')],
  ),
  eq(['Ping An Bank'], [L('000001.SZ', 'Ping An Bank')]),
  amb(['Ping An'], 'equity', [L('2318.HK', 'Ping An Insurance (H share)'), L('000001.SZ', 'Ping An Bank')]),
  eq(
    ['ICBC', 'Industrial and Commercial Bank of China'],
    [L('1398.HK', 'ICBC (H share)')],
    [L('601398.SS', 'ICBC (A share)')],
  ),
  eq(['China Construction Bank', 'CCB'], [L('0939.HK', 'China Construction Bank (H share)')]),
  eq(['Bank of China'], [L('3988.HK', 'Bank of China (H share)')]),
  eq(['Hang Seng Bank'], [L('0011.HK', 'Hang Seng Bank')]),
  eq(['China Merchants Bank'], [L('3968.HK', 'China Merchants Bank (H share)')]),
  eq(
    ['HSBC Holdings', 'HSBC'],
    [L('0005.HK', 'HSBC Holdings (Hong Kong)')],
    [L('HSBA.L', 'HSBC Holdings (London)'), L('HSBC', 'HSBC Holdings (ADR)')],
  ),
  eq(['AIA Group', 'AIA'], [L('1299.HK', 'AIA Group')]),
  eq(
    ['Hong Kong Exchanges and Clearing', 'Hong Kong Exchanges', 'HKEX'],
    [L('0388.HK', 'Hong Kong Exchanges and Clearing')],
  ),
  eq(['PetroChina'], [L('0857.HK', 'PetroChina (H share)')], [L('601857.SS', 'PetroChina (A share)')]),
  eq(['CNOOC'], [L('0883.HK', 'CNOOC')]),
  eq(['Sinopec'], [L('0386.HK', 'Sinopec (H share)')]),
  eq(
    ['BeiGene', 'BeOne Medicines'],
    [L('ONC', 'BeOne Medicines (Nasdaq)'), L('6160.HK', 'BeOne Medicines (Hong Kong)')],
  ),
  eq(['WuXi AppTec'], [L('2359.HK', 'WuXi AppTec (H share)')]),
  eq(['WuXi Biologics'], [L('2269.HK', 'WuXi Biologics')]),

  // Largest US listings
  eq(['Apple'], [L('AAPL', 'Apple')]),
  eq(['Microsoft'], [L('MSFT', 'Microsoft')]),
  eq(['Nvidia', 'NVIDIA'], [L('NVDA', 'NVIDIA')]),
  amb(['Alphabet', 'Google'], 'equity', [L('GOOGL', 'Alphabet Class A'), L('GOOG', 'Alphabet Class C')]),
  eq(['Amazon.com', 'Amazon'], [L('AMZN', 'Amazon.com')]),
  eq(['Meta Platforms', 'Meta', 'Facebook'], [L('META', 'Meta Platforms')]),
  eq(['Tesla'], [L('TSLA', 'Tesla')]),
  eq(['Broadcom'], [L('AVGO', 'Broadcom')]),
  amb(['Berkshire Hathaway', 'Berkshire'], 'equity', [
    L('BRK-B', 'Berkshire Hathaway Class B'),
    L('BRK-A', 'Berkshire Hathaway Class A'),
  ]),
  eq(['JPMorgan Chase', 'JPMorgan', 'JP Morgan'], [L('JPM', 'JPMorgan Chase')]),
  eq(['Visa'], [L('V', 'Visa')]),
  eq(['Mastercard'], [L('MA', 'Mastercard')]),
  eq(['Eli Lilly', 'Lilly'], [L('LLY', 'Eli Lilly')]),
  eq(['UnitedHealth'], [L('UNH', 'UnitedHealth Group')]),
  eq(['ExxonMobil', 'Exxon Mobil', 'Exxon'], [L('XOM', 'Exxon Mobil')]),
  eq(['Chevron'], [L('CVX', 'Chevron')]),
  eq(['Walmart'], [L('WMT', 'Walmart')]),
  eq(['Costco'], [L('COST', 'Costco Wholesale')]),
  eq(['Oracle'], [L('ORCL', 'Oracle')]),
  eq(['Netflix'], [L('NFLX', 'Netflix')]),
  eq(['Advanced Micro Devices', 'AMD'], [L('AMD', 'Advanced Micro Devices')]),
  eq(['Intel'], [L('INTC', 'Intel')]),
  eq(['Qualcomm'], [L('QCOM', 'Qualcomm')]),
  eq(['Micron Technology', 'Micron'], [L('MU', 'Micron Technology')]),
  eq(['Arm Holdings'], [L('ARM', 'Arm Holdings (ADR)')]),
  eq(['Palantir'], [L('PLTR', 'Palantir Technologies')]),
  eq(['Super Micro Computer', 'Supermicro', 'Super Micro'], [L('SMCI', 'Super Micro Computer')]),
  eq(['CoreWeave'], [L('CRWV', 'CoreWeave')]),
  eq(['Salesforce'], [L('CRM', 'Salesforce')]),
  eq(['Adobe'], [L('ADBE', 'Adobe')]),
  eq(['Cisco'], [L('CSCO', 'Cisco Systems')]),
  eq(['IBM'], [L('IBM', 'IBM')]),
  eq(['Coca-Cola'], [L('KO', 'Coca-Cola')]),
  eq(['PepsiCo'], [L('PEP', 'PepsiCo')]),
  eq(['Boeing'], [L('BA', 'Boeing')]),
  eq(['Goldman Sachs'], [L('GS', 'Goldman Sachs')]),
  eq(['Morgan Stanley'], [L('MS', 'Morgan Stanley')]),
  eq(['Bank of America'], [L('BAC', 'Bank of America')]),
  eq(['Citigroup'], [L('C', 'Citigroup')]),
  eq(['Wells Fargo'], [L('WFC', 'Wells Fargo')]),
  eq(['Home Depot'], [L('HD', 'Home Depot')]),
  eq(['Walt Disney', 'Disney'], [L('DIS', 'Walt Disney')]),
  eq(['Nike'], [L('NKE', 'Nike')]),
  eq(['Pfizer'], [L('PFE', 'Pfizer')]),
  eq(['Johnson & Johnson'], [L('JNJ', 'Johnson & Johnson')]),
  eq(['Merck'], [L('MRK', 'Merck & Co.')]),
  eq(['AbbVie'], [L('ABBV', 'AbbVie')]),
  eq(['Caterpillar'], [L('CAT', 'Caterpillar')]),
  eq(['Uber'], [L('UBER', 'Uber Technologies')]),
  eq(['Coinbase'], [L('COIN', 'Coinbase Global')]),
  eq(['MicroStrategy'], [L('MSTR', 'Strategy (MicroStrategy)')]),

  // Largest listings elsewhere in Asia and Europe
  eq(
    ['TSMC', 'Taiwan Semiconductor Manufacturing', 'Taiwan Semiconductor'],
    [L('2330.TW', 'TSMC (Taiwan)'), L('TSM', 'TSMC (ADR)')],
  ),
  eq(['MediaTek'], [L('2454.TW', 'MediaTek')]),
  eq(['Hon Hai', 'Foxconn'], [L('2317.TW', 'Hon Hai Precision (Foxconn)')]),
  eq(['Samsung Electronics', 'Samsung'], [L('005930.KS', 'Samsung Electronics')]),
  eq(['SK Hynix', 'SK hynix'], [L('000660.KS', 'SK hynix')]),
  eq(['Hyundai Motor'], [L('005380.KS', 'Hyundai Motor')]),
  eq(['Toyota Motor', 'Toyota'], [L('7203.T', 'Toyota Motor (Tokyo)')], [L('TM', 'Toyota Motor (ADR)')]),
  eq(['Sony Group', 'Sony'], [L('6758.T', 'Sony Group (Tokyo)')], [L('SONY', 'Sony Group (ADR)')]),
  eq(['SoftBank Group', 'SoftBank'], [L('9984.T', 'SoftBank Group')]),
  eq(['Nintendo'], [L('7974.T', 'Nintendo')]),
  eq(['Tokyo Electron'], [L('8035.T', 'Tokyo Electron')]),
  eq(['Advantest'], [L('6857.T', 'Advantest')]),
  eq(['Mitsubishi UFJ', 'MUFG'], [L('8306.T', 'Mitsubishi UFJ Financial Group')]),
  eq(['Fast Retailing', 'Uniqlo'], [L('9983.T', 'Fast Retailing')]),
  eq(['Reliance Industries', 'Reliance'], [L('RELIANCE.NS', 'Reliance Industries')]),
  eq(['Infosys'], [L('INFY.NS', 'Infosys (NSE)')], [L('INFY', 'Infosys (ADR)')]),
  eq(['Tata Consultancy Services', 'TCS'], [L('TCS.NS', 'Tata Consultancy Services')]),
  eq(['HDFC Bank'], [L('HDFCBANK.NS', 'HDFC Bank (NSE)')], [L('HDB', 'HDFC Bank (ADR)')]),
  eq(['ASML Holding', 'ASML'], [L('ASML', 'ASML Holding (Nasdaq)')], [L('ASML.AS', 'ASML Holding (Amsterdam)')]),
  eq(['SAP'], [L('SAP.DE', 'SAP (Xetra)')], [L('SAP', 'SAP (NYSE)')]),
  eq(['Novo Nordisk'], [L('NOVO-B.CO', 'Novo Nordisk (Copenhagen)')], [L('NVO', 'Novo Nordisk (ADR)')]),
  eq(['LVMH'], [L('MC.PA', 'LVMH')]),
  eq(['Nestlé', 'Nestle'], [L('NESN.SW', 'Nestlé')]),
  eq(['AstraZeneca'], [L('AZN.L', 'AstraZeneca (London)')], [L('AZN', 'AstraZeneca (Nasdaq)')]),
  eq(['Shell'], [L('SHEL.L', 'Shell (London)')], [L('SHEL', 'Shell (NYSE)')]),
  eq(['Siemens'], [L('SIE.DE', 'Siemens')]),
  eq(['Rheinmetall'], [L('RHM.DE', 'Rheinmetall')]),

  // Commodities and crypto assets (front-month futures, spot crypto in USD)
  {
    names: ['gold price', 'gold prices', 'Gold', 'gold'],
    kind: 'commodity',
    listings: [L('GC=F', 'Gold futures (COMEX)')],
  },
  { names: ['silver prices', 'silver price'], kind: 'commodity', listings: [L('SI=F', 'Silver futures (COMEX)')] },
  { names: ['copper prices', 'copper price'], kind: 'commodity', listings: [L('HG=F', 'Copper futures (COMEX)')] },
  { names: ['Brent crude', 'Brent'], kind: 'commodity', listings: [L('BZ=F', 'Brent crude futures')] },
  {
    names: ['West Texas Intermediate', 'WTI crude', 'WTI'],
    kind: 'commodity',
    listings: [L('CL=F', 'WTI crude futures')],
  },
  amb(['oil prices', 'crude oil'], 'commodity', [L('BZ=F', 'Brent crude futures'), L('CL=F', 'WTI crude futures')]),
  { names: ['Bitcoin', 'bitcoin'], kind: 'crypto', listings: [L('BTC-USD', 'Bitcoin (USD)')] },
  { names: ['Ether', 'Ethereum'], kind: 'crypto', listings: [L('ETH-USD', 'Ether (USD)')] },
];
