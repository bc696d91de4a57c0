// Realistic demo registrants for `jiuyebang seed demo`: valid ID numbers (GB 11643 check character), spread over
// Zhanjiang's districts, registration dates, ages, groups and channels. Deterministic: person i is always the same.
import { checkCharacter } from '../../domain/identity/id-number.ts';
import { addDays, fromEpochDay, toEpochDay } from '../../domain/dates/plain-date.ts';

export const DEMO_DISTRICTS = ['440802', '440803', '440804', '440811', '440823', '440825', '440881', '440882', '440883'] as const;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '海燕', '建华', '志强', '晓东', '丽华', '俊杰', '嘉欣'];
const REASONS = ['lost_job', 'lost_job', 'lost_job', 'business_closed', 'graduated', 'graduated', 'land_requisitioned', 'left_military', 'other'] as const;
export const DEMO_CHANNELS = ['webchat', 'webchat', 'wechat-oa', 'wecom'] as const;

export interface DemoPerson {
  id: string;
  name: string;
  idNumber: string;
  phone: string;
  district: string;
  registeredOn: string;
  reason: (typeof REASONS)[number];
  hardship: boolean;
  /** A graduate from a hardship family (R1.4.3): followed up at the hardship interval. */
  hardshipFamily: boolean;
  refused: boolean;
  channel: string;
  locale: 'zh-CN' | 'en';
}

/** Days of birth dates covered: people aged about 18 to 58 on `today`. */
const BIRTH_SPAN_DAYS = 40 * 365;

export function demoPerson(i: number, today: string): DemoPerson {
  const district = DEMO_DISTRICTS[i % DEMO_DISTRICTS.length] ?? '440802';
  const slot = Math.floor(i / DEMO_DISTRICTS.length);
  const birth = fromEpochDay(toEpochDay(addDays(today, -58 * 365)) + ((slot * 7919) % BIRTH_SPAN_DAYS));
  const male = i % 2 === 0;
  // Sequence 0..499 per district and birth day, odd for men (GB 11643): unique for the first 65 million people.
  const sequence = (Math.floor(slot / BIRTH_SPAN_DAYS) % 500) * 2 + (male ? 1 : 0);
  const first17 = `${district}${birth.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  const surname = SURNAMES[i % SURNAMES.length] ?? '王';
  return {
    id: `demo-${String(i).padStart(7, '0')}`,
    name: `${surname}${GIVEN[(i * 13) % GIVEN.length] ?? '伟'}`,
    idNumber: `${first17}${checkCharacter(first17)}`,
    phone: `1${['38', '39', '58', '86', '37', '50'][i % 6]}${String((i * 104_729) % 100_000_000).padStart(8, '0')}`,
    district,
    registeredOn: addDays(today, -((i * 31) % 365)),
    reason: REASONS[i % REASONS.length] ?? 'lost_job',
    hardship: i % 12 === 5,
    hardshipFamily: REASONS[i % REASONS.length] === 'graduated' && i % 2 === 0,
    refused: i % 15 === 7,
    channel: DEMO_CHANNELS[i % DEMO_CHANNELS.length] ?? 'webchat',
    locale: i % 20 === 9 ? 'en' : 'zh-CN',
  };
}
