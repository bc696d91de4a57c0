import { benchOutreachDelivery } from './outreach.ts';
console.log(await benchOutreachDelivery(Number(process.env.N ?? 5000)));
