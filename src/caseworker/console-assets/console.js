// The caseworker console in the browser: login, inbox by status with SLA, one case, claim/reply/close,
// live updates through EventSource. Served as a file (no inline script) so a strict CSP can apply.
/* global document, window, EventSource */
(function () {
  'use strict';
  var API = '/api/caseworker';
  var KEY = 'jiuyebang.console';
  var KINDS = { handoff: '转人工', hardship_recognition: '困难认定', deregistration_fact: '就业情况核实', identity_link: '身份核验', civil_affairs_referral: '推送民政' };
  var STATUSES = { new: '待认领', claimed: '处理中', waiting: '等待当事人', closed: '已结束' };
  var DIALOGS = { registration: '失业登记', hardship: '困难人员预审', followUp: '报告近况', status: '我的进度' };
  var state = { status: 'new', caseId: null, current: null, events: null, retry: null };
  var $ = function (id) { return document.getElementById(id); };

  function session() { try { return JSON.parse(sessionStorage.getItem(KEY) || 'null'); } catch { return null; } }
  function saveSession(s) { if (s) sessionStorage.setItem(KEY, JSON.stringify(s)); else sessionStorage.removeItem(KEY); }

  function api(method, path, body) {
    var s = session();
    var headers = { Accept: 'application/json' };
    // The session is an HttpOnly cookie; changes carry its CSRF token.
    if (s && s.csrfToken && method !== 'GET') headers['X-CSRF-Token'] = s.csrfToken;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(API + path, { method: method, headers: headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (data) {
          if (r.status === 401 && ['/login', '/session', '/logout'].indexOf(path) < 0) { logout('登录已过期，请重新登录。'); }
          if (!r.ok) { var e = new Error(data.message || '操作失败，请稍后重试。'); e.status = r.status; throw e; }
          return data;
        });
      }, function () { throw new Error('网络连接失败，请检查网络后重试。'); });
  }

  function time(iso) {
    if (!iso) return '';
    return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  }
  /** The due time is the end of a Beijing day: show that day, not the next midnight. */
  function dueText(iso) {
    var day = new Date(Date.parse(iso) - 1).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' });
    return '应于 ' + day + ' 当日处理';
  }
  function reasonText(reason) {
    var m = /^dialog:([^:]+):(.+)$/.exec(reason || '');
    if (m) return '办理“' + (DIALOGS[m[1]] || m[1]) + '”时求助';
    if (reason === 'user_request') return '主动要求人工服务';
    return reason || '';
  }
  function el(tag, cls, text) { var n = document.createElement(tag); if (cls) n.className = cls; if (text !== undefined) n.textContent = text; return n; }

  // ---- login ----
  function showLogin(message) {
    $('login-view').hidden = false; $('desk-view').hidden = true; $('who').hidden = true;
    $('login-error').textContent = message || '';
    $('username').focus();
  }
  function logout(message) {
    if (session()) api('POST', '/logout', {}).catch(function () { /* already gone */ });
    saveSession(null);
    if (state.events) { state.events.close(); state.events = null; }
    showLogin(message);
  }
  $('login-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var username = $('username').value.trim(); var password = $('password').value;
    if (!username || !password) { $('login-error').textContent = '请填写用户名和密码。'; return; }
    api('POST', '/login', { username: username, password: password, session: 'cookie' }).then(function (data) {
      saveSession({ csrfToken: data.csrfToken, caseworker: data.caseworker });
      $('password').value = '';
      showDesk();
    }, function (e) { $('login-error').textContent = e.message; });
  });
  $('logout').addEventListener('click', function () { logout(''); });

  // ---- inbox ----
  function showDesk() {
    var s = session();
    $('login-view').hidden = true; $('desk-view').hidden = false; $('who').hidden = false;
    $('who-name').textContent = s.caseworker.displayName + '（' + s.caseworker.regionCode + '）';
    loadInbox(); connectEvents();
  }
  document.querySelectorAll('.tabs button').forEach(function (tab) {
    tab.addEventListener('click', function () {
      showTab(tab.getAttribute('data-status'));
      loadInbox();
    });
  });
  function loadInbox(freshId) {
    return api('GET', '/cases?status=' + state.status).then(function (data) {
      var list = $('case-list'); list.textContent = '';
      $('empty').hidden = data.cases.length > 0;
      Object.keys(data.counts).forEach(function (status) {
        var count = document.querySelector('[data-count="' + status + '"]');
        if (count) count.textContent = data.counts[status] ? String(data.counts[status]) : '';
      });
      data.cases.forEach(function (c) {
        var li = el('li'); li.setAttribute('data-case-id', c.id); li.tabIndex = 0;
        if (c.overdue) li.classList.add('overdue');
        if (c.id === state.caseId) li.classList.add('selected');
        if (c.id === freshId) li.classList.add('fresh');
        var line1 = el('div', 'line1');
        line1.appendChild(el('span', '', (KINDS[c.kind] || '其他') + (c.person.name ? ' · ' + c.person.name : '')));
        line1.appendChild(el('span', 'badge' + (c.overdue ? ' overdue' : ''), c.overdue ? '已超时' : STATUSES[c.status]));
        li.appendChild(line1);
        li.appendChild(el('div', 'line2', reasonText(c.reason)));
        li.appendChild(el('div', 'line2', '提交 ' + time(c.openedAt) + (c.status === 'closed' ? ' · 结束 ' + time(c.closedAt) : ' · ' + dueText(c.dueBy)) + (c.claimedBy ? ' · ' + c.claimedBy.displayName : '')));
        var open = function () { openCase(c.id); };
        li.addEventListener('click', open);
        li.addEventListener('keydown', function (e) { if (e.key === 'Enter') open(); });
        list.appendChild(li);
      });
    }, function (e) { $('live').textContent = e.message; });
  }

  // ---- one case ----
  function openCase(id) {
    state.caseId = id;
    document.querySelectorAll('#case-list li').forEach(function (li) { li.classList.toggle('selected', li.getAttribute('data-case-id') === id); });
    $('case-error').textContent = '';
    return loadCase();
  }
  function loadCase() {
    if (!state.caseId) return Promise.resolve();
    var id = state.caseId;
    return api('GET', '/cases/' + id).then(function (data) { if (state.caseId === id) renderCase(data.case); },
      function (e) { $('case-error').textContent = e.message; });
  }
  function renderCase(c) {
    state.current = c;
    var me = session().caseworker;
    $('no-case').hidden = true; $('case-body').hidden = false;
    $('case-title').textContent = (KINDS[c.kind] || '其他') + ' · ' + STATUSES[c.status] + (c.overdue ? '（已超时）' : '');
    $('case-meta').textContent = reasonText(c.reason) + ' · 提交 ' + time(c.openedAt) +
      (c.status === 'closed' ? ' · 结束 ' + time(c.closedAt) + (c.closeReason ? '（' + c.closeReason + '）' : '（当事人取消）') : ' · ' + dueText(c.dueBy)) +
      (c.claimedBy ? ' · 认领人：' + c.claimedBy.displayName : '');
    var p = c.person; var parts = [];
    if (p.name) parts.push('姓名 ' + p.name);
    if (p.idNumber) parts.push('身份证 ' + p.idNumber);
    if (p.phone) parts.push('手机 ' + p.phone);
    parts.push(p.channel === 'webchat' ? '网页聊天' : p.channel);
    $('case-person').textContent = (p.jobSeekerId ? '' : '未登记用户 · ') + parts.join(' · ');
    var mine = c.claimedBy && c.claimedBy.username === me.username;
    var open = c.status !== 'closed';
    $('claim').hidden = c.status !== 'new';
    $('waiting').hidden = !(open && c.status !== 'new' && mine);
    $('waiting').textContent = c.status === 'waiting' ? '恢复处理' : '等待当事人';
    // 身份核验: after checking who the person is (by phone, at the counter), link the conversation to them.
    $('confirm-identity').hidden = !(open && mine && c.kind === 'identity_link' && c.canReply);
    $('reply-form').hidden = !(open && mine && c.canReply);
    $('close-form').hidden = !open;
    $('transfer-form').hidden = !(open && (c.status === 'new' || mine));
    var list = $('messages'); list.textContent = '';
    c.excerpt.forEach(function (line) {
      var li = el('li', (line.charAt(0) === '>' ? 'in' : 'out') + ' excerpt');
      li.appendChild(el('span', 'who', (line.charAt(0) === '>' ? '当事人' : '就业帮') + ' · 转人工之前'));
      li.appendChild(document.createTextNode(line.slice(2)));
      list.appendChild(li);
    });
    c.messages.forEach(function (m) {
      var staff = m.sender.indexOf('caseworker:') === 0;
      var li = el('li', m.direction + (staff ? ' staff' : ''));
      li.appendChild(el('span', 'who', (m.direction === 'in' ? '当事人' : staff ? '工作人员' : '就业帮') + ' · ' + time(m.at)));
      li.appendChild(document.createTextNode(m.text));
      list.appendChild(li);
    });
    var notes = $('notes'); notes.textContent = '';
    c.notes.forEach(function (n) { notes.appendChild(el('li', '', time(n.at) + ' ' + n.author.replace(/^caseworker:/, '') + '：' + n.text)); });
  }
  function act(path, body, after) {
    if (!state.caseId) return;
    $('case-error').textContent = '';
    return api('POST', '/cases/' + state.caseId + '/' + path, body).then(function () { if (after) after(); loadInbox(); return loadCase(); },
      function (e) { $('case-error').textContent = e.message; loadInbox(); loadCase(); });
  }
  function showTab(status) {
    state.status = status;
    document.querySelectorAll('.tabs button').forEach(function (t) { t.setAttribute('aria-selected', String(t.getAttribute('data-status') === status)); });
  }
  // A claimed case moves to "处理中": follow it there so it stays in view.
  $('claim').addEventListener('click', function () { act('claim', {}, function () { showTab('claimed'); }); });
  $('confirm-identity').addEventListener('click', function () {
    if (!window.confirm('确认已核实当事人身份？确认后此对话将关联到该登记人员。')) return;
    act('confirm-identity', {}, function () { showTab('closed'); });
  });
  $('waiting').addEventListener('click', function () { act('waiting', { waiting: !(state.current && state.current.status === 'waiting') }); });
  $('reply-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var text = $('reply-text').value.trim();
    if (!text) { $('case-error').textContent = '请填写回复内容。'; return; }
    act('reply', { text: text }, function () { $('reply-text').value = ''; });
  });
  $('close-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var reason = $('close-reason').value.trim();
    if (!reason) { $('case-error').textContent = '请填写结束原因。'; return; }
    act('close', { reason: reason }, function () { $('close-reason').value = ''; showTab('closed'); });
  });
  $('transfer-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var to = $('transfer-to').value.trim();
    var note = $('transfer-note').value.trim();
    if (!to) { $('case-error').textContent = '请填写同事用户名或区县代码。'; return; }
    var body = /^\d{6}$/.test(to) ? { toDistrict: to } : { toUsername: to };
    if (note) body.note = note;
    act('transfer', body, function () { $('transfer-to').value = ''; $('transfer-note').value = ''; });
  });
  $('note-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var text = $('note-text').value.trim();
    if (text) act('notes', { text: text }, function () { $('note-text').value = ''; });
  });

  // ---- live updates ----
  function connectEvents() {
    if (state.events || !session()) return;
    clearTimeout(state.retry);
    api('POST', '/events/ticket', {}).then(function (data) {
      var es = new EventSource(API + '/events?ticket=' + encodeURIComponent(data.ticket));
      state.events = es;
      es.addEventListener('ready', function () { $('live').textContent = '实时更新已开启'; loadInbox(); });
      es.addEventListener('case', function (e) {
        var id = JSON.parse(e.data).caseId;
        loadInbox(id);
        if (id === state.caseId) loadCase();
      });
      es.addEventListener('message', function (e) {
        var id = JSON.parse(e.data).caseId;
        if (id === state.caseId) loadCase();
      });
      es.onerror = function () {
        es.close(); state.events = null;
        $('live').textContent = '实时更新已断开，正在重连…';
        state.retry = setTimeout(connectEvents, 3000);
      };
    }, function () { state.retry = setTimeout(connectEvents, 5000); });
  }

  // The cookie session may have ended since this tab last saw it: ask the server before showing the desk.
  if (session()) {
    api('GET', '/session').then(function (data) { saveSession({ csrfToken: data.csrfToken, caseworker: data.caseworker }); showDesk(); },
      function () { saveSession(null); showLogin(''); });
  } else showLogin('');
  window.jiuyebangConsole = { state: state };
})();
