// The console's reviews and person pages in the browser: pending registrations (credit-promise countdown),
// hardship pre-screens per category, reported deregistration facts, and one person's file (#person=<id>).
// Chinese first, English on request; labels and clauses come from the API in the chosen language.
/* global document, window */
(function () {
  'use strict';
  var API = '/api/caseworker';
  var KEY = 'jiuyebang.console';
  var LANG_KEY = 'jiuyebang.console.lang';
  var WORDS = {
    zh: {
      colon: '：', open: '（', close: '）', title: '就业帮 · 审核与决定', inbox: '事项收件箱', needLogin: '请先在控制台登录。', toLogin: '去登录', other: 'English',
      tabRegistrations: '待审核登记', tabHardship: '困难认定预审', tabDeregistration: '就业情况核实',
      none: '暂无待处理事项。', loading: '正在加载…', network: '网络连接失败，请检查网络后重试。', failed: '操作失败，请稍后重试。', expired: '登录已过期，请回到控制台重新登录。',
      id: '身份证', phone: '手机', submitted: '提交', basis: '依据', creditPromise: '信用承诺', due: '须于 {d} 前核实完成',
      left: '剩余 {n} 个工作日', lastDay: '今天是最后期限', overdue: '已超期 {n} 个工作日', provisional: '（暂定）',
      confirm: '确认登记', reject: '不予登记', reason: '原因', reasonChoice: '不予登记的原因', reasonPh: '不予登记或不予认定时填写原因',
      told: '已通知当事人。', notTold: '已处理，但未能在线通知当事人，请电话告知。', done: '已处理。',
      bot: { met: '符合', unknown: '待核实', not_met: '不符合' }, confirmCat: '确认', rejectCat: '不予认定',
      confirmed: '已确认', rejected: '不予认定', by: '经办人', noticeExempt: '免予公示', noticeRequired: '需要公示',
      precondition: '已办理失业登记', preconditionUnknown: '失业登记待核实',
      reported: '本人报告', recorded: '系统记录', facts: { applies: '符合', unknown: '未知', does_not_apply: '不符合' }, soleForbidden: '不得作为唯一注销理由',
      note: '说明', notePh: '核实情况（必填）', deregister: '注销登记', keep: '继续服务', openPerson: '查看档案',
      person: '人员档案', reveal: '显示完整号码', revealReason: '查看理由（会存档）', show: '显示',
      registrations: '登记记录', hardship: '困难认定', ledger: '失业人员定期联系情况记录', date: '日期', way: '联系方式', content: '联系内容', result: '联系结果',
      caseworker: '经办人', logContact: '登记一次联系', save: '保存', services: '提供的服务（计入年度服务次数）', quota: '年度服务次数', quotaNone: '本地区没有规定年度服务次数，或尚未登记。',
      referral: '推送民政部门（生活困难）', refer: '创建推送任务', referralDone: '已创建任务，请到收件箱处理。', openCases: '未结束的事项', transcript: '对话记录',
      ways: { phone_call: '电话联系', home_visit: '上门走访', office_visit: '来窗口办理' }, outcomes: { reached: '已联系上', no_answer: '未接通', unreachable: '无法联系（号码或地址无效）', refused_service: '本人拒绝服务' }, kinds: { handoff: '转人工', hardship_recognition: '困难认定', deregistration_fact: '就业情况核实', identity_link: '身份核验', civil_affairs_referral: '推送民政', consent_withdrawn: '撤回授权' },
      person_: '当事人', botName: '就业帮', staff: '工作人员', history: '状态变更', back: '返回列表',
      contactChannels: '联系渠道', preferredChannel: '首选渠道', lastWrote: '未指定：按本人最近留言的渠道',
      consent: '主动联系授权', consentGiven: '本人同意接收主动联系（回访和服务信息）。', consentWithdrawnOn: '本人已于 {d} 撤回授权：不再主动联系，也不安排回访。',
      withdrawConsent: '登记撤回授权', restoreConsent: '登记恢复授权', consentReasonPh: '本人何时、以何种方式表示的（必填，会存档）', consentDone: '已登记。',
      move: '迁移登记地', moveTo: '新登记地（6 位地区代码）', moveReasonPh: '迁移原因（必填，会存档）', moveButton: '迁移', moved: '已迁移到 {to}，以后按该地区的规定安排联系（{c}）。',
      hardshipOn: '已认定就业困难人员（按困难人员频次联系）', exitReported: '本人报告已就业等情况，待核实：暂停推送服务信息，只保留下一次回访',
      outreach: '服务计划（主动联系）', outreachNone: '暂无服务计划。', outreachKind: '事项', outreachStatus: '状态', outreachWhy: '未送达原因', attempts: '已尝试 {n} 次', nextTry: '下次尝试',
      hardshipFamily: '困难家庭高校毕业生（提高联系频次）', hardshipFamilyNote: '依据（如低保证、特困证明）', hardshipFamilySaved: '已保存，服务计划将按新的频次更新。', yes: '是', no: '否',
    },
    en: {
      colon: ': ', open: ' (', close: ')', title: 'Jiuyebang · Reviews and decisions', inbox: 'Inbox', needLogin: 'Please log in on the console first.', toLogin: 'Log in', other: '中文',
      tabRegistrations: 'Registrations to review', tabHardship: 'Hardship pre-screens', tabDeregistration: 'Reported changes',
      none: 'Nothing to review.', loading: 'Loading…', network: 'Network error, please try again.', failed: 'The action failed, please try again.', expired: 'Your session expired; log in again on the console.',
      id: 'ID', phone: 'Phone', submitted: 'Submitted', basis: 'Basis', creditPromise: 'Credit promise', due: 'to be verified by {d}',
      left: '{n} working days left', lastDay: 'due today', overdue: '{n} working days overdue', provisional: ' (provisional)',
      confirm: 'Confirm registration', reject: 'Reject', reason: 'Reason', reasonChoice: 'Reason for not registering', reasonPh: 'Reason, required to reject',
      told: 'The person has been told.', notTold: 'Decided, but the person could not be told online; please call them.', done: 'Done.',
      bot: { met: 'met', unknown: 'to check', not_met: 'not met' }, confirmCat: 'Confirm', rejectCat: 'Reject',
      confirmed: 'Confirmed', rejected: 'Rejected', by: 'by', noticeExempt: 'Public notice waived', noticeRequired: 'Public notice required',
      precondition: 'Registered as unemployed', preconditionUnknown: 'Registration to check',
      reported: 'Reported', recorded: 'Recorded by outreach', facts: { applies: 'met', unknown: 'unknown', does_not_apply: 'not met' }, soleForbidden: 'may not be the only ground',
      note: 'Note', notePh: 'What was verified (required)', deregister: 'Deregister', keep: 'Keep serving', openPerson: 'Open file',
      person: 'Person', reveal: 'Show full number', revealReason: 'Reason (recorded)', show: 'Show',
      registrations: 'Registrations', hardship: 'Hardship recognition', ledger: 'Service ledger', date: 'Date', way: 'Way of contact', content: 'Content', result: 'Result',
      caseworker: 'Caseworker', logContact: 'Log a contact', save: 'Save', services: 'Services delivered (count toward the yearly quota)', quota: 'Yearly service quota', quotaNone: 'No yearly quota in this region, or not registered.',
      referral: 'Refer to civil affairs (financial hardship)', refer: 'Create referral task', referralDone: 'Task created; handle it in the inbox.', openCases: 'Open cases', transcript: 'Transcript',
      ways: { phone_call: 'Phone call', home_visit: 'Home visit', office_visit: 'At the office' }, outcomes: { reached: 'Reached', no_answer: 'No answer', unreachable: 'Unreachable (number or address no longer works)', refused_service: 'Refused the service' }, kinds: { handoff: 'Human help', hardship_recognition: 'Hardship', deregistration_fact: 'Reported change', identity_link: 'Identity check', civil_affairs_referral: 'Civil affairs referral', consent_withdrawn: 'Consent withdrawn' },
      person_: 'Person', botName: 'Jiuyebang', staff: 'Caseworker', history: 'Status changes', back: 'Back to the list',
      contactChannels: 'Ways to reach', preferredChannel: 'Preferred channel', lastWrote: 'not set: the channel they last wrote from',
      consent: 'Consent to be contacted', consentGiven: 'The person accepts being contacted (follow-ups and service news).', consentWithdrawnOn: 'The person withdrew consent on {d}: no more contact, no follow-ups.',
      withdrawConsent: 'Record withdrawal', restoreConsent: 'Record consent again', consentReasonPh: 'When and how the person said so (required, recorded)', consentDone: 'Recorded.',
      move: 'Move registration place', moveTo: 'New place (6-digit region code)', moveReasonPh: 'Reason for the move (required, recorded)', moveButton: 'Move', moved: 'Moved to {to}; contact now follows that region\'s rules ({c}).',
      hardshipOn: 'Confirmed hardship person (contacted at the hardship interval)', exitReported: 'Reported a job or similar, to verify: service offers paused, only the next follow-up kept',
      outreach: 'Outreach plan', outreachNone: 'Nothing planned.', outreachKind: 'What', outreachStatus: 'Status', outreachWhy: 'Why not delivered', attempts: '{n} attempts', nextTry: 'next try',
      hardshipFamily: 'Graduate from a hardship family (contacted more often)', hardshipFamilyNote: 'Basis (e.g. allowance certificate)', hardshipFamilySaved: 'Saved; the outreach plan follows the new frequency.', yes: 'Yes', no: 'No',
    },
  };
  var QUOTA_KINDS = ['policy', 'guidance', 'jobs', 'training'];
  var state = { tab: 'registrations', lang: localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh' };
  var $ = function (id) { return document.getElementById(id); };
  function w(key) { return WORDS[state.lang][key]; }
  function fill(text, values) { return text.replace(/\{(\w+)\}/g, function (_, k) { return String(values[k]); }); }
  function session() { try { return JSON.parse(sessionStorage.getItem(KEY) || 'null'); } catch { return null; } }
  function el(tag, cls, text) { var n = document.createElement(tag); if (cls) n.className = cls; if (text !== undefined && text !== null) n.textContent = text; return n; }
  function add(parent) { for (var i = 1; i < arguments.length; i += 1) if (arguments[i]) parent.appendChild(arguments[i]); return parent; }
  function time(iso) { return new Date(iso).toLocaleString(state.lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }); }
  function clause(c) { return c ? el('span', 'clause', w('basis') + w('colon') + c.text) : null; }

  function api(method, path, body) {
    var s = session();
    var headers = { Accept: 'application/json' };
    // The session is the console's HttpOnly cookie; changes carry its CSRF token (as console.js does).
    if (s && s.csrfToken && method !== 'GET') headers['X-CSRF-Token'] = s.csrfToken;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    var sep = path.indexOf('?') >= 0 ? '&' : '?';
    return fetch(API + path + sep + 'lang=' + (state.lang === 'en' ? 'en' : 'zh-CN'), { method: method, headers: headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (data) {
          if (r.status === 401) { showLogin(); throw new Error(w('expired')); }
          if (!r.ok) throw new Error(data.message || w('failed'));
          return data;
        });
      }, function () { throw new Error(w('network')); });
  }

  function showLogin() { $('need-login').hidden = false; $('reviews').hidden = true; }
  function translateStatic() {
    document.documentElement.lang = state.lang === 'en' ? 'en' : 'zh-CN';
    document.querySelectorAll('[data-t]').forEach(function (n) { n.textContent = w(n.getAttribute('data-t')); });
    $('lang').textContent = w('other');
    document.title = w('title');
  }
  $('lang').addEventListener('click', function () {
    state.lang = state.lang === 'en' ? 'zh' : 'en';
    localStorage.setItem(LANG_KEY, state.lang);
    translateStatic(); route();
  });
  document.querySelectorAll('.tabs button').forEach(function (b) {
    b.addEventListener('click', function () { window.location.hash = b.getAttribute('data-tab'); });
  });
  window.addEventListener('hashchange', route);

  /** A decision form: reason input (shown beside the buttons), error line beside it, the buttons. */
  function decisionRow(buttons, withReason) {
    var box = el('div', 'decide');
    var input = null;
    if (withReason) { input = el('input'); input.type = 'text'; input.maxLength = 500; input.placeholder = w('reasonPh'); input.setAttribute('aria-label', w('reason')); add(box, input); }
    var msg = el('span', 'error'); msg.setAttribute('role', 'alert');
    buttons.forEach(function (b) {
      var btn = el('button', b.cls || '', b.label); btn.type = 'button';
      btn.addEventListener('click', function () {
        msg.textContent = '';
        b.run(input ? input.value.trim() : '').then(function (text) { msg.className = 'decided'; msg.textContent = text || w('done'); setTimeout(route, 800); }, function (e) { msg.className = 'error'; msg.textContent = e.message; });
      });
      add(box, btn);
    });
    return add(box, msg);
  }
  function personLine(p) {
    if (!p) return el('div', 'muted', '—');
    var line = el('div', 'row');
    add(line, el('strong', '', p.name || '—'), el('span', '', w('id') + ' ' + (p.idNumber || '—')), el('span', '', w('phone') + ' ' + (p.phone || '—')));
    var link = el('a', '', w('openPerson')); link.href = '#person=' + encodeURIComponent(p.jobSeekerId);
    return add(line, link);
  }
  function countdown(cp) {
    var text = cp.overdue ? fill(w('overdue'), { n: -cp.workingDaysLeft || 0 }) : cp.workingDaysLeft === 0 ? w('lastDay') : fill(w('left'), { n: cp.workingDaysLeft });
    return el('span', 'due' + (cp.overdue ? ' overdue' : ''), w('creditPromise') + w('colon') + fill(w('due'), { d: cp.dueBy }) + (cp.provisional ? w('provisional') : '') + ' · ' + text);
  }

  /** Common rejection reasons (told to the person in their language); "other" sends the typed words, quoted. */
  function reasonChoice(reasons) {
    var select = el('select', 'reason-code'); select.setAttribute('aria-label', w('reasonChoice'));
    reasons.forEach(function (c) { var o = el('option', '', c.label); o.value = c.code; add(select, o); });
    select.value = 'other';
    return select;
  }

  function renderRegistrations(panel, rows, reasons) {
    rows.forEach(function (r) {
      var card = add(el('article', 'card'), personLine(r.person));
      add(card, add(el('div', 'row'), el('span', '', r.kindLabel), el('span', '', r.reasonLabel), el('span', 'muted', w('submitted') + ' ' + time(r.registeredAt)), clause(r.clause)));
      if (r.creditPromise) add(card, add(el('div', 'row'), countdown(r.creditPromise), clause(r.creditPromise.clause)));
      var choice = reasons.length > 0 ? reasonChoice(reasons) : null;
      var decide = function (outcome) {
        return function (reason) {
          var rejection = choice ? { outcome: outcome, reasonCode: choice.value, reason: reason || undefined } : { outcome: outcome, reason: reason };
          return api('POST', '/reviews/registrations/' + r.id + '/decision', outcome === 'rejected' ? rejection : { outcome: outcome })
            .then(function (d) { return d.told ? w('told') : w('notTold'); });
        };
      };
      var row = decisionRow([{ label: w('confirm'), cls: 'primary', run: decide('registered') }, { label: w('reject'), cls: 'danger', run: decide('rejected') }], true);
      if (choice) row.insertBefore(choice, row.firstChild);
      add(card, row);
      card.setAttribute('data-registration-id', r.id);
      add(panel, card);
    });
  }

  function hardshipCard(h) {
    var card = add(el('article', 'card'), personLine(h.person));
    card.setAttribute('data-case-id', h.caseId);
    var facts = el('div', 'row');
    if (h.registrationPrecondition) add(facts, el('span', '', h.registrationPrecondition.status === 'met' ? w('precondition') : w('preconditionUnknown')), clause(h.registrationPrecondition.clause));
    if (h.publicNotice) add(facts, el('strong', '', h.publicNotice.exempt ? w('noticeExempt') : w('noticeRequired')), clause(h.publicNotice.clause));
    add(card, facts);
    h.categories.forEach(function (c) {
      var line = add(el('div', 'category'), add(el('div', 'row'), el('strong', '', c.label), el('span', 'badge', w('bot')[c.botResult] || c.botResult), clause(c.clause)));
      line.setAttribute('data-category', c.code);
      if (c.decision) {
        add(line, el('div', 'decided' + (c.decision.outcome === 'rejected' ? ' rejected' : ''), w(c.decision.outcome) + ' · ' + w('by') + ' ' + c.decision.by + ' · ' + time(c.decision.at) + (c.decision.reason ? ' · ' + c.decision.reason : '')));
      } else if (h.status === 'open') {
        var decide = function (outcome) {
          return function (reason) { return api('POST', '/reviews/hardship/' + h.caseId + '/categories/' + c.code + '/decision', outcome === 'rejected' ? { outcome: outcome, reason: reason } : { outcome: outcome }).then(function () { return ''; }); };
        };
        add(line, decisionRow([{ label: w('confirmCat'), cls: 'primary', run: decide('confirmed') }, { label: w('rejectCat'), cls: 'danger', run: decide('rejected') }], true));
      }
      add(card, line);
    });
    return card;
  }

  function renderDeregistration(panel, rows) {
    rows.forEach(function (f) {
      var card = add(el('article', 'card'), personLine(f.person));
      card.setAttribute('data-case-id', f.caseId);
      add(card, add(el('div', 'row'), el('strong', '', w(f.origin === 'outreach' ? 'recorded' : 'reported') + w('colon') + f.situationLabel), el('span', 'muted', f.reportedOn || '')));
      if (f.evidence) add(card, el('p', 'evidence', f.evidence));
      var list = el('ul', 'grounds');
      f.grounds.forEach(function (g) {
        var box = el('input'); box.type = 'checkbox'; box.value = g.code; box.id = 'g-' + f.caseId + '-' + g.code; box.checked = g.facts === 'applies';
        var label = el('label', '', g.label + w('open') + w('facts')[g.facts] + w('close')); label.htmlFor = box.id;
        add(list, add(el('li'), box, label, g.forbiddenAsSoleGround ? el('span', 'forbidden', ' · ' + w('soleForbidden')) : null, el('div', 'clause', w('basis') + w('colon') + g.clause.text)));
      });
      add(card, list);
      var note = el('input'); note.type = 'text'; note.maxLength = 500; note.placeholder = w('notePh'); note.setAttribute('aria-label', w('note'));
      add(card, note);
      var chosen = function () { return Array.prototype.slice.call(list.querySelectorAll('input:checked')).map(function (i) { return i.value; }); };
      var send = function (outcome) {
        return function () {
          var body = outcome === 'deregistered' ? { outcome: outcome, grounds: chosen(), note: note.value.trim() } : { outcome: outcome, note: note.value.trim() };
          return api('POST', '/reviews/deregistration/' + f.caseId + '/decision', body).then(function (d) { return d.told ? w('told') : w('done'); });
        };
      };
      add(card, decisionRow([{ label: w('deregister'), cls: 'danger', run: send('deregistered') }, { label: w('keep'), cls: 'primary', run: send('kept') }], false));
      add(panel, card);
    });
  }

  function loadTab(tab) {
    var panel = $('panel');
    panel.textContent = w('loading');
    var path = tab === 'hardship' ? '/reviews/hardship' : tab === 'deregistration' ? '/reviews/deregistration' : '/reviews/registrations';
    return api('GET', path).then(function (data) {
      panel.textContent = '';
      var rows = data.registrations || data.requests || data.facts || [];
      if (rows.length === 0) return add(panel, el('p', 'muted', w('none')));
      if (tab === 'registrations') renderRegistrations(panel, rows, data.rejectionReasons || []);
      else if (tab === 'hardship') rows.forEach(function (h) { add(panel, hardshipCard(h)); });
      else renderDeregistration(panel, rows);
    }, function (e) { panel.textContent = ''; $('page-error').textContent = e.message; });
  }

  function route() {
    if (!session()) return showLogin();
    $('page-error').textContent = '';
    var hash = window.location.hash.replace(/^#/, '');
    // Any stored person id (a UUID, or a seeded demo person's `demo-0000001`); the API decides who may see it.
    var person = /^person=([A-Za-z0-9_-]{1,64})$/.exec(hash);
    if (person) return window.jiuyebangPerson.show(person[1], { api: api, w: w, el: el, add: add, time: time, clause: clause, hardshipCard: hardshipCard, fill: fill, QUOTA_KINDS: QUOTA_KINDS });
    state.tab = ['registrations', 'hardship', 'deregistration'].indexOf(hash) >= 0 ? hash : 'registrations';
    document.querySelectorAll('.tabs button').forEach(function (b) { b.setAttribute('aria-selected', String(b.getAttribute('data-tab') === state.tab)); });
    return loadTab(state.tab);
  }

  // person.js (loaded before this script) draws #person=<id>.
  translateStatic();
  var current = session();
  if (!current) { showLogin(); return; }
  $('who-name').textContent = current.caseworker.displayName;
  $('reviews').hidden = false;
  route();
})();
