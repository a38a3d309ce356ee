/**
 * CUP's region table in Chinese characters (issue 14): the pinyin stays as the source writes it;
 * each province also carries its own name, which a Chinese UI shows. Checked against the pinyin's
 * kind (Sheng 省, Shi 市, Zizhiqu 自治区, SAR 特别行政区) and the pairs easily confused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cupRegions } from '../../src/data/cup-bank.ts';

const KIND: [pinyin: RegExp, zh: RegExp][] = [
  [/ Sheng$/, /^[\u4e00-\u9fff]{1,3}省$/],
  [/ Shi$/, /^[\u4e00-\u9fff]{2}市$/],
  [/ Zizhiqu$/, /^[\u4e00-\u9fff]{2,5}自治区$/],
  [/ SAR$/, /^[\u4e00-\u9fff]{2}特别行政区$/],
];

for (const region of cupRegions) {
  test(`region ${region.id} ${region.name}: ${region.zh}`, () => {
    const kind = KIND.find(([pinyin]) => pinyin.test(region.name));
    assert.ok(kind, `no kind for ${region.name}`);
    assert.match(region.zh ?? '', kind[1]);
  });
}

const PAIRS: [pinyin: string, zh: string][] = [
  ['Shaanxi Sheng', '陕西省'],
  ['Shanxi Sheng', '山西省'],
  ['Hebei Sheng', '河北省'],
  ['Henan Sheng', '河南省'],
  ['Hubei Sheng', '湖北省'],
  ['Hunan Sheng', '湖南省'],
  ['Guangdong Sheng', '广东省'],
  ['Guangxi Zhuangzu Zizhiqu', '广西壮族自治区'],
  ['Jiangsu Sheng', '江苏省'],
  ['Jiangxi Sheng', '江西省'],
  ['Nei Mongol Zizhiqu', '内蒙古自治区'],
  ['Xizang Zizhiqu', '西藏自治区'],
  ['Hong Kong SAR', '香港特别行政区'],
  ['Macau SAR', '澳门特别行政区'],
  ['Zhejiang Sheng', '浙江省'],
];

test('the provinces easily confused are told apart', () => {
  const byName = new Map(cupRegions.map((r) => [r.name, r.zh]));
  for (const [pinyin, zh] of PAIRS) assert.equal(byName.get(pinyin), zh, pinyin);
});

test('34 regions, ids 1–34, every Chinese name distinct', () => {
  assert.deepEqual(cupRegions.map((r) => r.id), Array.from({ length: 34 }, (_, i) => i + 1));
  assert.equal(new Set(cupRegions.map((r) => r.zh)).size, 34);
});
