/**
 * The bundled catalogues (src/data) against the tables of the source documents.
 *
 * The seed tables are parsed here, independently, with regexes over the seed text
 * (test/fixtures/seeds/*.ru.txt, byte-for-byte copies of the source documents); every catalogue
 * row must equal a seed row and vice versa. The Philippine purchase/payout support cannot be read
 * from the seed (its table lost its column alignment), so it is checked against SPEC §9's lists,
 * written out below as expected data.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  banksFor,
  cupBanks,
  cupRegions,
  philippinesBanks,
  philippinesRegions,
  regionsFor,
} from '../../src/data/index.ts';
import type { Bank } from '../../src/data/index.ts';

const seed = (file: string): string =>
  readFileSync(new URL(`../fixtures/seeds/${file}`, import.meta.url), 'utf8');
const cupText = seed('cup-banks.ru.txt');
const phText = seed('philippines-banks.ru.txt');

/** The lines of the table whose header line is `header`, up to the first empty line. */
function tableLines(text: string, header: string): string[] {
  const escaped = header.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`^${escaped}\\n((?:.+\\n)+)`, 'm').exec(text);
  assert.ok(match, `table "${header}" not found in the seed`);
  return match[1]!.trimEnd().split('\n');
}

/** Parses `Name 123` lines; fails on a line of any other shape (so no row is skipped silently). */
function nameIdRows(lines: string[]): { name: string; id: number }[] {
  return lines.map((line) => {
    const m = /^(\S.*\S) (\d+)$/.exec(line);
    assert.ok(m, `unexpected table line: ${JSON.stringify(line)}`);
    return { name: m[1]!, id: Number(m[2]) };
  });
}

// --- the seed tables ---------------------------------------------------------------------------

assert.match(cupText, /^Табл\. 1\. Список банков доступных для проведения выплат\nБанк ID\n/m);
assert.match(cupText, /^Табл\. 2\. Список регионов\nНаименование региона Идентификатор региона\n/m);
assert.match(phText, /^Табл\. 1\. Список банков\nБанк Оплата Выплата ID Код\n/m);
assert.match(phText, /^Табл\. 2\. Список регионов\nРегион ID\n/m);

const seedCupBanks = nameIdRows(tableLines(cupText, 'Банк ID'));
const seedCupRegions = nameIdRows(tableLines(cupText, 'Наименование региона Идентификатор региона'));
const seedPhRegions = nameIdRows(tableLines(phText, 'Регион ID'));
const seedPhBanks = tableLines(phText, 'Банк Оплата Выплата ID Код').map((line) => {
  const m = /^(\S.*?\S) (\+(?: \+)?) (\d+) ([A-Z]+)$/.exec(line);
  assert.ok(m, `unexpected Philippine bank line: ${JSON.stringify(line)}`);
  return { name: m[1]!, pluses: m[2]!.split('+').length - 1, id: Number(m[3]), code: m[4]! };
});

const sortedIds = (ids: Iterable<number>): number[] => [...ids].sort((a, b) => a - b);
const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

// --- SPEC §9, "Philippine banks by operation" (ecommpay's English lists), by bank ID -------------

/** SPEC §9: purchase and payout. */
const PH_SALE_AND_PAYOUT = [1561, 486, 487, 489, 492, 494, 495, 496, 498];
/** SPEC §9: purchase only, documented. */
const PH_SALE_ONLY = [2241, 2291, 2281, 2301, 2321, 2311];
/** SPEC §9: purchase only, **inferred** (absent from the English lists). */
const PH_SALE_ONLY_INFERRED = [2231, 2251, 2261, 2271];
/** SPEC §9: payout only. */
const PH_PAYOUT_ONLY = [485, 488, 490, 491, 493, 497, 1501, 1511, 1521, 1531, 1541, 1551, 1571];

// --- CUP Banks ---------------------------------------------------------------------------------

test('CUP seed tables parse to the documented sizes (169 banks, 34 regions)', () => {
  assert.equal(seedCupBanks.length, 169);
  assert.equal(seedCupRegions.length, 34);
});

test('cupBanks equals the seed bank table row for row (names exactly, IDs, order)', () => {
  assert.equal(cupBanks.length, 169);
  assert.deepEqual(
    cupBanks.map((b) => ({ name: b.name, id: b.id })),
    seedCupBanks,
  );
});

test('every CUP bank is payout-only and has no letter code or inferred flag', () => {
  for (const bank of cupBanks) {
    assert.equal(bank.payout, true, bank.name);
    assert.equal(bank.sale, false, bank.name);
    assert.equal(bank.code, undefined, bank.name);
    assert.equal(bank.inferred, undefined, bank.name);
  }
});

test('CUP: the duplicated name (Luzhou Bank, 340 and 391) is flagged, and nothing else is', () => {
  const counts = new Map<string, number>();
  for (const row of seedCupBanks) counts.set(row.name, (counts.get(row.name) ?? 0) + 1);
  const seedDuplicates = seedCupBanks.filter((row) => counts.get(row.name)! > 1);
  // SPEC §2, data-quality notes.
  assert.deepEqual(seedDuplicates, [
    { name: 'Luzhou Bank', id: 340 },
    { name: 'Luzhou Bank', id: 391 },
  ]);
  const flagged = cupBanks.filter((b) => b.duplicateName === true);
  assert.deepEqual(flagged.map((b) => ({ name: b.name, id: b.id })), seedDuplicates);
  for (const b of flagged) assert.ok(b.note && b.note.length > 0, `${b.id} flagged without a note`);
  for (const b of cupBanks) if (!flagged.includes(b)) assert.equal(b.duplicateName, undefined, b.name);
});

test('CUP: the four province-named rows are flagged (same IDs as the region table), and nothing else is', () => {
  const regionIdByName = new Map(seedCupRegions.map((r) => [r.name, r.id]));
  const seedProvinceRows = seedCupBanks.filter((row) => regionIdByName.has(row.name));
  // SPEC §2, data-quality notes.
  assert.deepEqual(
    [...seedProvinceRows].sort((a, b) => a.name.localeCompare(b.name)),
    [
      { name: 'Jiangxi Sheng', id: 18 },
      { name: 'Jilin Sheng', id: 16 },
      { name: 'Taiwan Sheng', id: 30 },
      { name: 'Tianjin Shi', id: 29 },
    ],
  );
  for (const row of seedProvinceRows) assert.equal(regionIdByName.get(row.name), row.id, row.name);
  const flagged = cupBanks.filter((b) => b.isRegionName === true);
  assert.deepEqual(flagged.map((b) => ({ name: b.name, id: b.id })), seedProvinceRows);
  for (const b of flagged) assert.ok(b.note && b.note.length > 0, `${b.id} flagged without a note`);
  for (const b of cupBanks) if (!flagged.includes(b)) assert.equal(b.isRegionName, undefined, b.name);
});

test('CUP bank IDs are unique', () => {
  assert.equal(new Set(cupBanks.map((b) => b.id)).size, cupBanks.length);
});

test('cupRegions equals the seed region table (34 provinces, IDs 1–34)', () => {
  assert.deepEqual(
    cupRegions.map((r) => ({ name: r.name, id: r.id })),
    seedCupRegions,
  );
  assert.deepEqual(sortedIds(cupRegions.map((r) => r.id)), range(1, 34));
});

// --- Banks of the Philippines --------------------------------------------------------------------

test('Philippine seed tables parse to the documented sizes (32 banks, 97 regions)', () => {
  assert.equal(seedPhBanks.length, 32);
  assert.equal(seedPhRegions.length, 97);
});

test('philippinesBanks equals the seed bank table row for row (names and codes exactly, IDs, order)', () => {
  assert.equal(philippinesBanks.length, 32);
  assert.deepEqual(
    philippinesBanks.map((b) => ({ name: b.name, id: b.id, code: b.code })),
    seedPhBanks.map(({ name, id, code }) => ({ name, id, code })),
  );
});

test('Philippine bank IDs and codes are unique', () => {
  assert.equal(new Set(philippinesBanks.map((b) => b.id)).size, 32);
  assert.equal(new Set(philippinesBanks.map((b) => b.code)).size, 32);
});

test('SPEC §9 lists partition exactly the seed bank IDs', () => {
  const all = [...PH_SALE_AND_PAYOUT, ...PH_SALE_ONLY, ...PH_SALE_ONLY_INFERRED, ...PH_PAYOUT_ONLY];
  assert.equal(new Set(all).size, all.length, 'an ID is in two SPEC lists');
  assert.deepEqual(sortedIds(all), sortedIds(seedPhBanks.map((b) => b.id)));
});

test('Philippine sale/payout flags equal SPEC §9', () => {
  const expected = (id: number): Pick<Bank, 'sale' | 'payout'> => {
    if (PH_SALE_AND_PAYOUT.includes(id)) return { sale: true, payout: true };
    if (PH_SALE_ONLY.includes(id) || PH_SALE_ONLY_INFERRED.includes(id)) return { sale: true, payout: false };
    if (PH_PAYOUT_ONLY.includes(id)) return { sale: false, payout: true };
    throw new Error(`bank ${id} is in no SPEC §9 list`);
  };
  for (const bank of philippinesBanks) {
    assert.deepEqual({ sale: bank.sale, payout: bank.payout }, expected(bank.id), `${bank.id} ${bank.name}`);
  }
});

test('Philippine flags agree with the seed\'s "+" count (two "+" = both operations, one "+" = one)', () => {
  for (const row of seedPhBanks) {
    const bank = philippinesBanks.find((b) => b.id === row.id)!;
    assert.equal(Number(bank.sale) + Number(bank.payout), row.pluses, `${row.id} ${row.name}`);
  }
});

test('exactly the four SPEC §9 "inferred" banks are marked inferred, with a note', () => {
  const inferred = philippinesBanks.filter((b) => b.inferred === true);
  assert.deepEqual(sortedIds(inferred.map((b) => b.id)), sortedIds(PH_SALE_ONLY_INFERRED));
  for (const b of inferred) assert.ok(b.note && b.note.length > 0, `${b.id} inferred without a note`);
  for (const b of philippinesBanks) if (!inferred.includes(b)) assert.equal(b.inferred, undefined, b.name);
});

test('no Philippine bank carries the CUP-only flags', () => {
  for (const b of philippinesBanks) {
    assert.equal(b.duplicateName, undefined, b.name);
    assert.equal(b.isRegionName, undefined, b.name);
  }
});

test('philippinesRegions equals the seed region table (97 regions, IDs 297–393)', () => {
  assert.deepEqual(
    philippinesRegions.map((r) => ({ name: r.name, id: r.id })),
    seedPhRegions,
  );
  assert.deepEqual(sortedIds(philippinesRegions.map((r) => r.id)), range(297, 393));
});

// --- helpers -----------------------------------------------------------------------------------

test('banksFor: CUP payouts are the whole table, CUP purchases have no bank list', () => {
  assert.deepEqual(banksFor('cup-bank', 'payout'), cupBanks);
  assert.deepEqual(banksFor('cup-bank', 'sale'), []);
});

test('banksFor: Philippine banks by operation follow SPEC §9, in source order', () => {
  const sourceOrder = (ids: number[]): number[] =>
    seedPhBanks.map((b) => b.id).filter((id) => ids.includes(id));
  assert.deepEqual(
    banksFor('online-philippines-banks', 'sale').map((b) => b.id),
    sourceOrder([...PH_SALE_AND_PAYOUT, ...PH_SALE_ONLY, ...PH_SALE_ONLY_INFERRED]),
  );
  assert.deepEqual(
    banksFor('online-philippines-banks', 'payout').map((b) => b.id),
    sourceOrder([...PH_SALE_AND_PAYOUT, ...PH_PAYOUT_ONLY]),
  );
});

test('regionsFor returns each method\'s region table', () => {
  assert.equal(regionsFor('cup-bank'), cupRegions);
  assert.equal(regionsFor('online-philippines-banks'), philippinesRegions);
});
