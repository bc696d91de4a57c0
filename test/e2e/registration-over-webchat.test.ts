// The walking skeleton end to end: a job seeker registers through the official Direct Line client, the
// server restarts mid-dialog, and a caseworker sees the registration with the ID number masked.
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { connect, type DirectlineTestClient } from '../support/directline-client.ts';
import { ask } from '../support/bot-conversation.ts';
import { startTestService, tempServiceConfig } from '../support/test-service.ts';
import { sqlitePathOf } from '../../src/persistence/database.ts';
import type { RunningService } from '../../src/main.ts';

const config = tempServiceConfig();
const ID = '330302199005151235';
let service: RunningService;
let client: DirectlineTestClient;

afterAll(async () => {
  client?.end();
  await service?.stop();
});

async function caseworkerToken(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/caseworker/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'demo', password: 'jiuyebang-demo' }) });
  expect(res.status).toBe(200);
  const body: { token: string } = await res.json();
  return body.token;
}

describe('registration over web chat', () => {
  it('greets with a menu and asks for consent before anything else', async () => {
    service = await startTestService(config);
    client = await connect(service.url);
    const menu = await ask(client, '你好');
    expect(menu.buttons).toContain('失业登记');
    const consent = await ask(client, '失业登记');
    expect(consent.texts.join()).toContain('您同意吗');
    expect(consent.buttons).toEqual(['同意', '不同意']);
    const name = await ask(client, '同意');
    expect(name.texts.join()).toContain('姓名');
    const id = await ask(client, '张三');
    expect(id.texts.join()).toContain('身份证号码');
  });

  it('survives a restart mid-dialog and resumes at the same step', async () => {
    const resume = { conversationId: client.conversationId, token: client.token, watermark: client.watermark() };
    client.end();
    await service.stop();
    service = await startTestService({ ...config, PORT: 0 });
    client = await connect(service.url, resume);
    const wrong = await ask(client, '110105194912310021');
    expect(wrong.texts[0]).toContain('校验位');
    expect(wrong.texts[1]).toContain('身份证号码');
  });

  it('completes registration with buttons and a masked summary', async () => {
    const household = await ask(client, ID);
    expect(household.texts.join()).toContain('户籍地');
    const residence = await ask(client, '湛江市赤坎区');
    expect(residence.buttons).toEqual(['与户籍地相同']);
    const phone = await ask(client, '与户籍地相同');
    expect(phone.texts.join()).toContain('手机号码');
    const since = await ask(client, '138 1234 5678');
    expect(since.texts.join()).toContain('开始没有工作');
    const reason = await ask(client, '二〇二五年三月一日');
    expect(reason.buttons).toContain('离职/被辞退');
    for (const answer of ['离职/被辞退', '高中/中专', '电工证', '仓管', '是', '否', '可以每月联系']) await ask(client, answer);
    const confirm = await ask(client, '材料齐全');
    const summary = confirm.texts.join();
    expect(summary).toContain('3303************35');
    expect(summary).toContain('138****5678');
    expect(summary).toContain('失业日期：2025年3月1日');
    expect(summary).not.toContain(ID);
    const done = await ask(client, '确认提交');
    expect(done.texts[0]).toMatch(/已提交.*\d{4}年\d{1,2}月\d{1,2}日 前联系您/);
    expect(done.texts[0]).toContain('依据：本地设定，参照温人社发〔2022〕37号 第二部分第（一）项第1点，以经办机构确认为准');
    expect(done.texts[0]).not.toMatch(/\.txt|SPEC|§/);
  });

  it('shows the registration to the caseworker with the ID number masked', async () => {
    const token = await caseworkerToken(service.url);
    const res = await fetch(`${service.url}/api/caseworker/registrations`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body: { registrations: { name: string; idNumber: string; phone: string; status: string; sex: string; birthDate: string }[] } = await res.json();
    expect(body.registrations).toHaveLength(1);
    expect(body.registrations[0]).toMatchObject({ name: '张三', idNumber: '3303************35', phone: '138****5678', status: 'pending_review', sex: 'M', birthDate: '1990-05-15' });
    expect(JSON.stringify(body)).not.toContain(ID);
    // The form's fields, labelled as the person's summary is, follow from the registration dialog's steps.
    const fields: { registrations: { fields: { field: string; label: string; stored: Record<string, unknown> }[] }[] } = JSON.parse(JSON.stringify(body));
    const view = fields.registrations[0]?.fields ?? [];
    expect(view.map((f) => f.field)).toEqual(['name', 'idNumber', 'jobType', 'household', 'residence', 'phone', 'unemployedSince', 'reason', 'hardshipFamily', 'education', 'skills', 'jobWanted', 'training', 'business', 'followUp', 'papers', 'creditPromise']);
    expect(view.find((f) => f.field === 'skills')).toEqual({ field: 'skills', label: '技能证书', stored: { 'details.skills': '电工证' } });
    expect(view.find((f) => f.field === 'idNumber')?.stored).toMatchObject({ idNumber: '3303************35' });
    expect(view.find((f) => f.field === 'training')?.stored).toEqual({ 'details.wantsTraining': true });
    // Asked of graduates only (R1.4.3); this person lost a job.
    expect(view.find((f) => f.field === 'hardshipFamily')).toMatchObject({ label: '困难家庭', stored: { hardshipFamily: false } });
  });

  it('keeps ID and phone numbers out of the database file in plain text', () => {
    const bytes = readFileSync(sqlitePathOf(config.DATABASE_URL)).toString('latin1');
    expect(bytes).not.toContain(ID);
    expect(bytes).not.toContain('13812345678');
  });

  it('refuses bad input with a 4xx or a clear reply and loses nothing', async () => {
    const long = await fetch(`${service.url}/v3/directline/conversations/${client.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: '字'.repeat(20_000), from: { id: 'x' } }),
    });
    // Accepted and answered in the conversation with the limit (Web Chat would otherwise only say "send failed").
    expect(long.status).toBe(200);
    await client.waitForBotReply((m) => String(m.text ?? '').includes('请不超过2000字'));
    const odd = await fetch(`${service.url}/v3/directline/conversations/${client.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'handoff.weird', from: { id: 'x' } }),
    });
    expect(odd.status).toBeLessThan(500);
    const empty = await fetch(`${service.url}/v3/directline/conversations/${client.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: '', from: { id: 'x' } }),
    });
    expect(empty.status).toBeLessThan(500);
    const again = await ask(client, '登记');
    expect(again.texts.join()).toContain('您同意吗');
    const token = await caseworkerToken(service.url);
    const list: { registrations: unknown[] } = await (await fetch(`${service.url}/api/caseworker/registrations`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(list.registrations).toHaveLength(1);
  });

  it('plans the first contact and what follows, once, however often the tick runs', async () => {
    const first = await service.tick(new Date());
    const second = await service.tick(new Date());
    expect(first.planned).toBeGreaterThanOrEqual(1);
    expect(second.planned).toBe(0);
  });

  it('answers /healthz once migrations ran', async () => {
    const res = await fetch(`${service.url}/healthz`);
    expect(res.status).toBe(200);
    // ok or degraded depends on today's date (holiday data ahead); test/http/health.test.ts fixes the clock.
    expect(await res.json()).toMatchObject({ status: expect.stringMatching(/^(ok|degraded)$/), calendar: { coveredThrough: expect.any(String) } });
  });
});
