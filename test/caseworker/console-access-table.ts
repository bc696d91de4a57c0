// Who may call which console route: route × caller → HTTP status. The subject of a route (a case, an account,
// a web chat conversation) lies in district 440802 of Zhanjiang (440800). Callers: anonymous; a web chat user
// (their Direct Line token as Bearer); a caseworker of 440802 (own district); a caseworker of 440803 (another
// district); a supervisor and an administrator of the whole city. Every route of the app under /api/caseworker
// and /console must have a row (console-access.test.ts enumerates them from the express router); add yours.
// Statuses are what each caller gets with a well-formed request; 404 means "not found, or not yours".

export type Caller = 'anonymous' | 'webchat' | 'ownDistrict' | 'otherDistrict' | 'supervisor' | 'administrator';
export type Subject = 'case' | 'identityCase' | 'account' | 'conversation' | 'person' | 'registration' | 'hardshipCase' | 'deregistrationCase' | 'none';

export interface AccessRow {
  method: 'GET' | 'POST';
  /** The route as express declares it, mount path included. */
  path: string;
  subject: Subject;
  body?: Record<string, unknown>;
  /** Fixed values of the route's other parameters (the subject fills :id or :caseId). */
  params?: Record<string, string>;
  /** Query string (without ?), if the route needs one. */
  query?: string;
  /** A server-sent event stream: only the status of its first answer is read. */
  stream?: boolean;
  expect: Record<Caller, number>;
}

const every = (status: number): Record<Caller, number> => ({ anonymous: status, webchat: status, ownDistrict: status, otherDistrict: status, supervisor: status, administrator: status });
const signedIn = (ownDistrict: number, otherDistrict: number, supervisor: number, administrator = supervisor): Record<Caller, number> =>
  ({ anonymous: 401, webchat: 401, ownDistrict, otherDistrict, supervisor, administrator });
/** Administrators only: a caseworker or supervisor is refused with 403. */
const adminOnly = (administrator: number): Record<Caller, number> => ({ ...signedIn(403, 403, 403), administrator });
/** Supervisors and administrators only. */
const supervisors = (status: number): Record<Caller, number> => ({ ...signedIn(403, 403, status), administrator: status });

export const CONSOLE_ACCESS_TABLE: readonly AccessRow[] = [
  // pages: public files; the data behind them is the API's
  { method: 'GET', path: '/console', subject: 'none', expect: every(200) },
  { method: 'GET', path: '/console/console.js', subject: 'none', expect: every(200) },
  { method: 'GET', path: '/console/console-lang.js', subject: 'none', expect: every(200) },
  { method: 'GET', path: '/console/console-words.js', subject: 'none', expect: every(200) },
  { method: 'GET', path: '/console/channel-status.js', subject: 'none', expect: every(200) },
  { method: 'GET', path: '/console/console.css', subject: 'none', expect: every(200) },
  { method: 'GET', path: '/console/staff', subject: 'none', expect: every(200) },
  { method: 'GET', path: '/console/staff.js', subject: 'none', expect: every(200) },
  { method: 'GET', path: '/console/reviews', subject: 'none', expect: every(200) },
  { method: 'GET', path: '/console/reviews.js', subject: 'none', expect: every(200) },
  { method: 'GET', path: '/console/reviews.css', subject: 'none', expect: every(200) },
  { method: 'GET', path: '/console/person.js', subject: 'none', expect: every(200) },
  { method: 'GET', path: '/console/today', subject: 'none', expect: every(200) },
  { method: 'GET', path: '/console/workbench.js', subject: 'none', expect: every(200) },
  { method: 'GET', path: '/console/workbench.css', subject: 'none', expect: every(200) },
  { method: 'GET', path: '/console/vendor/echarts.min.js', subject: 'none', expect: every(200) },

  // sessions: a wrong password is 401 for everyone
  { method: 'POST', path: '/api/caseworker/login', subject: 'none', body: { username: 'nobody', password: 'wrong-password' }, expect: every(401) },
  { method: 'GET', path: '/api/caseworker/session', subject: 'none', expect: signedIn(200, 200, 200) },
  { method: 'POST', path: '/api/caseworker/logout', subject: 'none', body: {}, expect: signedIn(200, 200, 200) },
  // a wrong current password: 400 shows the route was reached
  { method: 'POST', path: '/api/caseworker/password', subject: 'none', body: { currentPassword: 'not-mine', newPassword: 'whatever-123456' }, expect: signedIn(400, 400, 400) },

  // lists are scoped: another district gets its own (empty) list, never 403
  { method: 'GET', path: '/api/caseworker/registrations', subject: 'none', expect: signedIn(200, 200, 200) },
  { method: 'GET', path: '/api/caseworker/cases', subject: 'none', query: 'status=new', expect: signedIn(200, 200, 200) },
  { method: 'GET', path: '/api/caseworker/cases/:id', subject: 'case', expect: signedIn(200, 404, 200) },
  { method: 'POST', path: '/api/caseworker/cases/:id/claim', subject: 'case', body: {}, expect: signedIn(200, 404, 200) },
  // reply and waiting need a claim first (409); another district's case is still not found
  { method: 'POST', path: '/api/caseworker/cases/:id/reply', subject: 'case', body: { text: '您好' }, expect: signedIn(409, 404, 409) },
  { method: 'POST', path: '/api/caseworker/cases/:id/close', subject: 'case', body: { reason: '已答复' }, expect: signedIn(200, 404, 200) },
  { method: 'POST', path: '/api/caseworker/cases/:id/notes', subject: 'case', body: { text: '内部备注' }, expect: signedIn(200, 404, 200) },
  { method: 'POST', path: '/api/caseworker/cases/:id/waiting', subject: 'case', body: { waiting: true }, expect: signedIn(409, 404, 409) },
  { method: 'POST', path: '/api/caseworker/cases/:id/transfer', subject: 'case', body: { toUsername: 'nobody-here' }, expect: signedIn(404, 404, 404) },
  { method: 'POST', path: '/api/caseworker/cases/:id/confirm-identity', subject: 'identityCase', body: {}, expect: signedIn(409, 404, 409) },
  { method: 'POST', path: '/api/caseworker/events/ticket', subject: 'none', body: {}, expect: signedIn(200, 200, 200) },
  { method: 'GET', path: '/api/caseworker/events', subject: 'none', stream: true, expect: signedIn(200, 200, 200) },
  // web chat conversations belong to the city, not a district: only city-wide staff may cut one off
  { method: 'POST', path: '/api/caseworker/conversations/:id/revoke-webchat-token', subject: 'conversation', body: {}, expect: signedIn(404, 404, 200) },

  // reviews, the person view, work lists and reports: another district's subject is not found (404)
  { method: 'GET', path: '/api/caseworker/reviews/registrations', subject: 'none', expect: signedIn(200, 200, 200) },
  { method: 'POST', path: '/api/caseworker/reviews/registrations/:id/decision', subject: 'registration', body: { outcome: 'registered' }, expect: signedIn(200, 404, 200) },
  { method: 'GET', path: '/api/caseworker/reviews/hardship', subject: 'none', query: 'status=open', expect: signedIn(200, 200, 200) },
  {
    method: 'POST', path: '/api/caseworker/reviews/hardship/:caseId/categories/:code/decision', subject: 'hardshipCase', params: { code: 'LOW_INCOME_FAMILY' },
    body: { outcome: 'confirmed' }, expect: signedIn(200, 404, 200),
  },
  { method: 'GET', path: '/api/caseworker/reviews/deregistration', subject: 'none', query: 'status=open', expect: signedIn(200, 200, 200) },
  { method: 'POST', path: '/api/caseworker/reviews/deregistration/:caseId/decision', subject: 'deregistrationCase', body: { outcome: 'kept', note: '继续提供服务' }, expect: signedIn(200, 404, 200) },
  { method: 'GET', path: '/api/caseworker/people/:id', subject: 'person', expect: signedIn(200, 404, 200) },
  { method: 'POST', path: '/api/caseworker/people/:id/reveal', subject: 'person', body: { field: 'phone', reason: '核实身份' }, expect: signedIn(200, 404, 200) },
  { method: 'POST', path: '/api/caseworker/people/:id/contacts', subject: 'person', body: { way: 'phone_call', content: '电话回访', outcome: 'reached' }, expect: signedIn(201, 404, 201) },
  { method: 'POST', path: '/api/caseworker/people/:id/civil-affairs-referral', subject: 'person', body: { reason: '家庭生活困难' }, expect: signedIn(409, 404, 409) },
  { method: 'POST', path: '/api/caseworker/people/:id/consent', subject: 'person', body: { withdrawn: true, reason: '本人来电要求不再联系' }, expect: signedIn(200, 404, 200) },
  // a district caseworker may not move a person out of their own district (403); the city's staff may
  { method: 'POST', path: '/api/caseworker/people/:id/registration-place', subject: 'person', body: { regionCode: '440804', reason: '本人搬到坡头区居住' }, expect: signedIn(403, 404, 200) },
  // the seeded person registered after losing a job, not as a graduate: nothing to mark
  { method: 'POST', path: '/api/caseworker/people/:id/hardship-family', subject: 'person', body: { hardshipFamily: true, note: '低保证' }, expect: signedIn(409, 404, 409) },
  { method: 'GET', path: '/api/caseworker/worklists/today', subject: 'none', expect: signedIn(200, 200, 200) },
  // a district filter outside the caller's districts is refused
  { method: 'GET', path: '/api/caseworker/worklists/today', subject: 'none', query: 'district=440803', expect: signedIn(403, 200, 200) },
  { method: 'GET', path: '/api/caseworker/reports', subject: 'none', expect: signedIn(200, 200, 200) },
  { method: 'GET', path: '/api/caseworker/reports/:name', subject: 'none', params: { name: 'registrations' }, query: 'month=2026-03', expect: signedIn(200, 200, 200) },
  { method: 'GET', path: '/api/caseworker/reports/:name', subject: 'none', params: { name: 'ledger' }, query: 'district=440803&format=csv', expect: signedIn(403, 200, 200) },

  { method: 'GET', path: '/api/caseworker/accounts', subject: 'none', expect: adminOnly(200) },
  { method: 'POST', path: '/api/caseworker/accounts', subject: 'none', body: { username: 'new-worker', displayName: '新同事', role: 'caseworker', districts: ['440802'], password: 'a-long-password-1' }, expect: adminOnly(201) },
  { method: 'POST', path: '/api/caseworker/accounts/:id/disable', subject: 'account', body: {}, expect: adminOnly(200) },
  { method: 'POST', path: '/api/caseworker/accounts/:id/enable', subject: 'account', body: {}, expect: adminOnly(200) },
  { method: 'POST', path: '/api/caseworker/accounts/:id/reset-password', subject: 'account', body: { password: 'another-password-1' }, expect: adminOnly(200) },

  { method: 'GET', path: '/api/caseworker/audit', subject: 'none', expect: supervisors(200) },
  { method: 'GET', path: '/api/caseworker/channels/status', subject: 'none', expect: supervisors(200) },
  { method: 'GET', path: '/api/caseworker/audit/export', subject: 'none', query: 'format=csv', expect: supervisors(200) },
];
