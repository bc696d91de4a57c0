// Catalogue files as offices write them: CSV (quotes, commas and line breaks in cells, a BOM) and JSON, every bad
// row reported with its line and reason, and a file with any bad row yields no items at all.
import { describe, expect, it } from 'vitest';
import { parseCatalogRows } from '../../../src/domain/catalogue/parse-catalog-rows.ts';
import { readCsvRecords } from '../../../src/domain/catalogue/csv-records.ts';

const HEADER = 'key,kind,region,district,title,summary,targetGroups,minAge,maxAge,keywords,effectiveFrom,expiresOn,link,place,startsAt';
const FAIR = 'fair-q1,guidance,2103,210302,"第一季度失业人员专场招聘会","40家企业, 800个岗位",,,,,2026-01-01,2026-03-31,,"铁东区人力资源市场（胜利南路）","2026-03-21 09:00"';
const POLICY = 'subsidy,policy,2103,,灵活就业社保补贴,"就业困难人员灵活就业的，按规定给予社会保险补贴。",hardship,,,,2026-01-01,2026-12-31,https://rsj.anshan.gov.cn/zc/1,,';

describe('readCsvRecords (RFC 4180)', () => {
  it.each([
    ['plain', 'a,b\n1,2\n', [['a', 'b'], ['1', '2']], [1, 2]],
    ['CRLF and a blank line', 'a,b\r\n\r\n1,2', [['a', 'b'], ['1', '2']], [1, 3]],
    ['quotes, commas, doubled quotes, line breaks', 'a,b\n"x, ""y""","line\nbreak"\n3,4', [['a', 'b'], ['x, "y"', 'line\nbreak'], ['3', '4']], [1, 2, 4]],
    ['empty cells', ',,\n', [['', '', '']], [1]],
  ])('%s', (_name, text, fields, lines) => {
    const read = readCsvRecords(text);
    expect(read.ok && read.records.map((r) => r.fields)).toEqual(fields);
    expect(read.ok && read.records.map((r) => r.line)).toEqual(lines);
  });

  it.each([
    ['an unclosed quote, at the line it opens', 'a,b\n1,"open\n\n', { ok: false, line: 2, code: 'unclosed_quote' }],
    ['text after a closing quote', 'a\n"x"y\n', { ok: false, line: 2, code: 'text_after_quote' }],
  ])('%s', (_name, text, expected) => {
    expect(readCsvRecords(text)).toEqual(expected);
  });
});

describe('parseCatalogRows', () => {
  it('reads CSV (with a BOM) into items: Beijing days, the event time, lists, the id with its region', () => {
    const { items, errors } = parseCatalogRows(`\uFEFF${HEADER}\n${FAIR}\n${POLICY}\n`, 'csv');
    expect(errors).toEqual([]);
    expect(items[0]).toMatchObject({
      id: '2103:fair-q1', kind: 'guidance', district: '210302', summary: '40家企业, 800个岗位', targetGroups: [], minAge: null,
      effectiveFrom: new Date('2025-12-31T16:00:00Z'), expiresAt: new Date('2026-03-31T16:00:00Z'), startsAt: new Date('2026-03-21T01:00:00Z'),
      link: null, place: '铁东区人力资源市场（胜利南路）',
    });
    expect(items[1]).toMatchObject({ id: '2103:subsidy', district: null, targetGroups: ['hardship'], link: 'https://rsj.anshan.gov.cn/zc/1' });
  });

  it('reads JSON arrays, lists as arrays or ";" text, ages as numbers', () => {
    const json = JSON.stringify([
      { key: 'weld', kind: 'training', region: '4408', title: '焊工培训', summary: '免费', targetGroups: ['wants_training'], minAge: 18, maxAge: 50, keywords: '焊工;电焊', effectiveFrom: '2026-01-01', expiresOn: '2026-06-30', link: 'https://example.org/weld' },
    ], null, 2);
    const { items, errors } = parseCatalogRows(json, 'json');
    expect(errors).toEqual([]);
    expect(items[0]).toMatchObject({ id: '4408:weld', keywords: ['焊工', '电焊'], minAge: 18, maxAge: 50 });
  });

  it('reports every bad row by its line and reason, and returns no items', () => {
    const rows = [
      HEADER,
      FAIR,
      'bad kind,seminar,2103,,标题,摘要,,,,,2026-01-01,2026-03-31,https://x.cn,,', // line 3: key and kind
      'late,jobs,2103,,"多行',
      '摘要",岗位,,,,,2026-04-01,2026-03-31,https://x.cn,,', // line 4-5: title... expiry before effective
      'old,jobs,2103,,标题,摘要,,40,30,,2026-01-01,2026-12-31,,,', // line 6: ages, no link or place
      'fair-q1,guidance,2103,220302,标题,摘要,,,,,2026-01-01,2026-03-31,,某地,', // line 7: duplicate, district outside, place without time
      'short,jobs,2103', // line 8: field count
      'nodate,jobs,2103,,标题,摘要,,,,,2026-02-30,,https://x.cn,,', // line 9: bad date, missing expiry
    ];
    const { items, errors } = parseCatalogRows(rows.join('\n'), 'csv');
    expect(items).toEqual([]);
    expect(errors.map((e) => [e.line, e.code, e.params?.field ?? ''])).toEqual([
      [3, 'invalid', 'key'], [3, 'invalid', 'kind'],
      [4, 'expires_before_effective', ''],
      [6, 'age_range', ''], [6, 'needs_link_or_place', ''],
      [7, 'place_needs_time', ''], [7, 'district_outside_region', ''], [7, 'duplicate_key', ''],
      [8, 'field_count', ''],
      [9, 'invalid', 'effectiveFrom'], [9, 'missing', 'expiresOn'],
    ]);
  });

  it('names JSON items by the line they start on; unknown fields and non-objects are errors', () => {
    const json = '[\n  {"key":"a","kind":"jobs","region":"4408","title":"t","summary":"s","effectiveFrom":"2026-01-01","expiresOn":"2026-02-01","link":"https://x.cn"},\n  {"key":"b","kind":"jobs","region":"4408","title":"t",\n   "summary":"s","effectiveFrom":"2026-01-01","expiresOn":"2026-02-01","link":"https://x.cn","salary":"5000"},\n  "text",\n  {"key":"c","kind":"jobs","region":"4408","title":"t","summary":"s","effectiveFrom":"2026-01-01","expiresOn":"2026-02-01","link":"javascript:alert(1)"}\n]';
    expect(parseCatalogRows(json, 'json').errors).toEqual([
      { line: 3, code: 'unknown_field', params: { field: 'salary' } },
      { line: 5, code: 'not_an_object' },
      { line: 6, code: 'invalid', params: { field: 'link' } },
    ]);
  });

  it.each([
    ['an empty file', '', 'csv', 'empty_file'],
    ['a header with an unknown column', 'key,kind,price\n', 'csv', 'unknown_column'],
    ['a header without required columns', 'key,kind\n', 'csv', 'missing_column'],
    ['broken JSON', '[{"key":', 'json', 'bad_json'],
    ['a JSON object, not an array', '{"key":"a"}', 'json', 'not_an_array'],
    ['too many rows', `${HEADER}\n${'x\n'.repeat(5001)}`, 'csv', 'too_many_rows'],
  ] as const)('refuses %s', (_name, text, format, code) => {
    const { items, errors } = parseCatalogRows(text, format);
    expect(items).toEqual([]);
    expect(errors[0]?.code).toBe(code);
  });
});
