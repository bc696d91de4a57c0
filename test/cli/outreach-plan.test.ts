// `jiuyebang outreach plan --person <id>` for real people planned by a tick: each row names the document and
// section it serves (the clause renderer's words), never a raw reference such as `decision:…@wenzhou-2022#…`.
import { afterEach, describe, expect, it } from 'vitest';
import { runOutreachCommand } from '../../src/cli/outreach-command.ts';
import { selectRegionPack } from '../../src/domain/regions/select-region-pack.ts';
import { tempServiceConfig } from '../support/test-service.ts';
import { beijingAt, insertRegistrants, localizer, makeCity, openWorld, packs, tickOf, type World } from '../scheduler/outreach-world.ts';

let world: World | undefined;
afterEach(async () => world?.close());

async function plan(url: string, person: string, lang = 'zh-CN') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runOutreachCommand(['plan', '--person', person, '--lang', lang], { out: (s) => void out.push(s), err: (s) => void err.push(s) }, tempServiceConfig({ DATABASE_URL: url }));
  return { code, out, err };
}

describe('outreach plan --person', () => {
  it('prints a Wenzhou hardship person\'s rows with 温人社发〔2022〕37号 and its section, and a Zhanjiang person\'s with the notice', async () => {
    world = await openWorld();
    // p00005: Wenzhou (330302), hardship confirmed; p00000: Zhanjiang (440802), lost a job.
    await insertRegistrants(world, makeCity(6, beijingAt('2026-03-02', '08:00'), 1));
    // Planned at night: nothing is sent, every row stays pending.
    await tickOf(world, [])(beijingAt('2026-03-02', '22:00'));

    const wenzhou = await plan(world.url, 'p00005');
    expect(wenzhou.code).toBe(0);
    const text = wenzhou.out.join('\n');
    expect(text).not.toMatch(/decision:|wenzhou-2022#|zhanjiang-2021#/);
    const interval = selectRegionPack(packs, '330302', '2026-03-02').followUp.hardshipInterval.source;
    expect(interval).toMatch(/^decision:HARDSHIP_CONTACT_INTERVAL@wenzhou-2022#/);
    // 14-day check-ins (R1.4.3), cited as a local setting following the Wenzhou notice's part 2, item (2).
    expect(wenzhou.out).toContain('2026年3月16日 定期回访（待发送）依据：本地设定，参照温人社发〔2022〕37号 第二部分第（二）项，以经办机构确认为准');
    expect(wenzhou.out[0]).toBe(`服务计划（${wenzhou.out.length - 1}项）`);
    expect(wenzhou.out.filter((l) => l.includes('首次联系'))).toEqual([expect.stringContaining('温人社发〔2022〕37号 第二部分第（一）项第1点')]);

    const zhanjiang = await plan(world.url, 'p00000', 'en');
    expect(zhanjiang.code).toBe(0);
    expect(zhanjiang.out.join('\n')).not.toMatch(/decision:|#/);
    const monthly = selectRegionPack(packs, '440802', '2026-03-02').followUp.monthly.source;
    expect(zhanjiang.out.filter((l) => l.includes('check-in'))).toEqual([expect.stringContaining(`basis: ${localizer.cite('en', monthly)}`)]);
    expect(localizer.cite('en', monthly)).toBe('《关于建立湛江市失业人员就业服务制度的通知》, part 4, item (2)');
  });
});
