import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../../../src/shared/brand';
import { findDates, parsePublicationDate, type DateSpan } from '../../../../src/shared/domain/article/dates';

const d = (s: string): IsoDate => s as IsoDate;
const anchorDay = (date: string): DateSpan => ({
  from: d(date),
  to: d(date),
  precision: 'day',
  text: '',
  index: 0,
  basis: 'absolute',
  reference: false,
});
const read = (sentence: string, articleDate: string | null = null, anchor: DateSpan | null = null) =>
  findDates(sentence, { articleDate: articleDate ? d(articleDate) : null, anchor }).map((s) => ({
    text: s.text,
    from: s.from,
    to: s.to,
    precision: s.precision,
    reference: s.reference,
  }));

describe('article dates', () => {
  it('reads absolute days in several spellings', () => {
    expect(read('On 2 April 2025, tariffs were announced.')[0]).toMatchObject({
      from: '2025-04-02',
      to: '2025-04-02',
      precision: 'day',
    });
    expect(read('Shares fell on January 27, 2025.')[0]).toMatchObject({ from: '2025-01-27', precision: 'day' });
    expect(read('The filing is dated 2025-02-11.')[0]).toMatchObject({ from: '2025-02-11', precision: 'day' });
  });

  it('takes a missing year from the article’s date, and drops a day whose year cannot be known', () => {
    expect(read('on 28 January the stock fell', '2025-03-14')[0]).toMatchObject({
      from: '2025-01-28',
      precision: 'day',
    });
    expect(read('in mid-December the shares hit a record', '2025-01-31')[0]).toMatchObject({
      from: '2024-12-10',
      to: '2024-12-20',
    });
    expect(read('on 28 January the stock fell')).toEqual([]);
  });

  it('keeps the precision of months, late/early/mid parts and quarters', () => {
    expect(read('launched in late January 2025, it')[0]).toMatchObject({
      text: 'late January 2025',
      from: '2025-01-20',
      to: '2025-01-31',
      precision: 'range',
    });
    expect(read('in early March 2025')[0]).toMatchObject({ from: '2025-03-01', to: '2025-03-10', precision: 'range' });
    expect(read('by mid-March 2025 it')[0]).toMatchObject({ from: '2025-03-10', to: '2025-03-20' });
    expect(read('at the end of February 2024')[0]).toMatchObject({ from: '2024-02-24', to: '2024-02-29' });
    expect(read('President Xi’s February 2025 meeting')[0]).toMatchObject({
      from: '2025-02-01',
      to: '2025-02-28',
      precision: 'month',
    });
    expect(read('in the first quarter of 2025')[0]).toMatchObject({
      from: '2025-01-01',
      to: '2025-03-31',
      precision: 'quarter',
    });
    expect(read('Q3 2024 results')[0]).toMatchObject({ from: '2024-07-01', to: '2024-09-30', precision: 'quarter' });
    expect(read('its 4Q24 numbers')[0]).toMatchObject({ from: '2024-10-01', to: '2024-12-31', precision: 'quarter' });
  });

  it('puts a yearless date before the article’s date, unless the sentence speaks of the future', () => {
    expect(read('Novo had hit an all-time high in late June.', '2024-12-20')[0]).toMatchObject({
      from: '2024-06-20',
      to: '2024-06-30',
    });
    expect(read('On 24 June, the company announced a plant.', '2024-12-20')[0]).toMatchObject({ from: '2024-06-24' });
    expect(read('The annual report is due in early February.', '2024-12-20')[0]).toMatchObject({
      from: '2025-02-01',
      to: '2025-02-10',
    });
  });

  it('reads ranges of days', () => {
    expect(read('from January 6 to January 10, 2025')[0]).toMatchObject({
      from: '2025-01-06',
      to: '2025-01-10',
      precision: 'range',
    });
  });

  it('reads year-to-date and year parts as periods, never as days', () => {
    expect(read('up 30% year-to-date', '2025-03-14')[0]).toMatchObject({
      from: '2025-01-01',
      to: '2025-03-14',
      precision: 'ytd',
    });
    expect(read('lost 20% since the start of the year', '2025-04-18')[0]).toMatchObject({
      precision: 'ytd',
      to: '2025-04-18',
    });
    expect(read('strong growth in early 2025')[0]).toMatchObject({
      from: '2025-01-01',
      to: '2025-04-30',
      precision: 'period',
    });
    expect(read('in the first half of 2024')[0]).toMatchObject({
      from: '2024-01-01',
      to: '2024-06-30',
      precision: 'period',
    });
  });

  it('resolves chained phrases against the previous dated sentence', () => {
    const a = anchorDay('2025-04-07');
    expect(read('The next day, shares rose.', '2025-04-18', a)[0]).toMatchObject({
      from: '2025-04-08',
      precision: 'day',
    });
    expect(read('Two days later, Washington paused.', null, a)[0]).toMatchObject({ from: '2025-04-09' });
    expect(read('Two weeks later, it rose.', null, a)[0]).toMatchObject({ from: '2025-04-21' });
    expect(read('That day, it rose.', null, a)[0]).toMatchObject({ from: '2025-04-07' });
    expect(read('The following week, it fell.', null, a)[0]).toMatchObject({
      from: '2025-04-14',
      to: '2025-04-20',
      precision: 'range',
    });
    expect(read('The next day, shares rose.')).toEqual([]); // nothing to count from
  });

  it('does not chain a day onto a month: "the next day" after "February 2025" is unknown', () => {
    const month: DateSpan = { ...anchorDay('2025-02-01'), to: d('2025-02-28'), precision: 'month' };
    expect(read('The next day, shares rose.', null, month)).toEqual([]);
  });

  it('resolves deictic phrases against the article’s date', () => {
    expect(read('Yesterday, the Bank of Japan kept rates.', '2025-04-18')[0]).toMatchObject({ from: '2025-04-17' });
    expect(read('Last week, stocks fell.', '2025-04-18')[0]).toMatchObject({
      from: '2025-04-07',
      to: '2025-04-13',
      precision: 'range',
    });
    expect(read('On Monday, Nvidia fell.', '2025-01-29')[0]).toMatchObject({ from: '2025-01-27' });
    expect(read('Yesterday, stocks fell.')).toEqual([]);
  });

  it('flags reference dates, which are never event dates', () => {
    expect(read('the first gathering since 2018')).toEqual([]);
    expect(read('its best week since 2008')).toEqual([]);
    expect(read('the highest since February 2022')[0]).toMatchObject({ from: '2022-02-01', reference: true });
    expect(read('compared with March 2020 levels')[0]).toMatchObject({ reference: true });
  });

  it('ignores the verb "may", times and ambiguous numeric dates', () => {
    expect(read('The stock may rise at 10 am.', '2025-03-14')).toEqual([]);
    expect(read('On 3/4/2025 shares rose.', '2025-03-14')).toEqual([]);
    expect(read('in May 2024')[0]).toMatchObject({ from: '2024-05-01', precision: 'month' });
  });

  it('parses publication dates from metadata and prose', () => {
    expect(parsePublicationDate('2025-01-31T21:05:00-05:00')).toBe('2025-01-31');
    expect(parsePublicationDate('14 March 2025')).toBe('2025-03-14');
    expect(parsePublicationDate('March 2025')).toBeNull();
    expect(parsePublicationDate('2025-02-30')).toBeNull();
  });
});
