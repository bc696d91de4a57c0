// Completes an unemployment registration in a web chat conversation (the real dialog, through the official
// Direct Line client), with papers complete or on a credit promise (信用承诺) where the region has one.
import { ask, type BotTurn } from './bot-conversation.ts';
import type { DirectlineTestClient } from './directline-client.ts';

export interface WebchatRegistrant {
  name: string;
  idNumber: string;
  phone: string;
  creditPromise?: boolean;
}

/** Runs the registration dialog from the menu to "确认提交"; resolves to the bot's last turn. Give a man's ID number (for a woman the dialog also asks the last post type). */
export async function registerOverWebchat(client: DirectlineTestClient, who: WebchatRegistrant): Promise<BotTurn> {
  for (const answer of ['失业登记', '同意', who.name, who.idNumber, '湛江市赤坎区', '与户籍地相同', who.phone, '二〇二五年三月一日']) await ask(client, answer);
  for (const answer of ['离职/被辞退', '高中/中专', '电工证', '仓管', '是', '否', '可以每月联系']) await ask(client, answer);
  if (who.creditPromise) {
    await ask(client, '暂时不全');
    await ask(client, '我承诺');
  } else {
    await ask(client, '材料齐全');
  }
  const done = await ask(client, '确认提交');
  if (!done.texts.join().includes('已提交')) throw new Error(`registration not submitted: ${done.texts.join(' | ')}`);
  return done;
}
