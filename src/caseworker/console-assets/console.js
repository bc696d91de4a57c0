// The caseworker console in the browser: login, inbox by status with SLA, one case, claim/reply/close,
// live updates through EventSource. Served as a file (no inline script) so a strict CSP can apply.
// Chinese first, English on request: words from console-words.js, the switch from console-lang.js (both
// loaded before this script). Messages from the server are shown as they come.
/* global document, window, EventSource */
(function () {
  'use strict';
  var API = '/api/caseworker';
  var KEY = 'jiuyebang.console';
  var state = { status: 'new', caseId: null, current: null, events: null, retry: null };
  var $ = function (id) { return document.getElementById(id); };
  var L = window.jiuyebangLang.create(window.jiuyebangConsoleWords, function () {
    // Re-draw what the script drew in the language just chosen.
    if (session() && !$('desk-view').hidden) { showWho(); loadInbox(); if (state.current) renderCase(state.current); }
  });
  var w = L.w;
  function kindWord(kind) { return w('kind.' + kind) || w('kind.other'); }
  function statusWord(status) { return w('status.' + status) || status; }

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
          if (r.status === 401 && ['/login', '/session', '/logout'].indexOf(path) < 0) { logout('expired'); }
          if (!r.ok) { var e = new Error(data.message || w('failed')); e.status = r.status; throw e; }
          return data;
        });
      }, function () { throw new Error(w('network')); });
  }

  function time(iso) {
    if (!iso) return '';
    return new Date(iso).toLocaleString(L.locale(), { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  }
  /** The due time is the end of a Beijing day: show that day, not the next midnight. */
  function dueText(iso) {
    var day = new Date(Date.parse(iso) - 1).toLocaleDateString(L.locale(), { timeZone: 'Asia/Shanghai', month: L.lang() === 'en' ? 'short' : 'numeric', day: 'numeric' });
    return w('due', { d: day });
  }
  function reasonText(reason) {
    var m = /^dialog:([^:]+):(.+)$/.exec(reason || '');
    if (m) return w('askedInDialog', { d: w('dialog.' + m[1]) || m[1] });
    if (reason === 'user_request') return w('askedForPerson');
    return reason || '';
  }
  function el(tag, cls, text) { var n = document.createElement(tag); if (cls) n.className = cls; if (text !== undefined) n.textContent = text; return n; }
  function paren(text) { return w('open') + text + w('close'); }

  /** A form error the page writes itself, beside its field (the field points at it with aria-describedby). */
  function fieldError(fieldId, key) {
    var field = $(fieldId); var box = $(field.getAttribute('aria-describedby'));
    L.say(box, key);
    if (key) { field.setAttribute('aria-invalid', 'true'); field.focus(); } else field.removeAttribute('aria-invalid');
  }
  ['username', 'password', 'reply-text', 'close-reason', 'transfer-to', 'note-text'].forEach(function (id) {
    $(id).addEventListener('input', function () { if ($(id).hasAttribute('aria-invalid')) fieldError(id, null); });
  });

  // ---- login ----
  /** messageKey: a word of the page's own (the session ran out), or nothing. */
  function showLogin(messageKey) {
    $('login-view').hidden = false; $('desk-view').hidden = true; $('who').hidden = true;
    L.say($('login-error'), messageKey || null);
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
    L.tell($('login-error'), '');
    fieldError('password', password ? null : 'needPassword');
    fieldError('username', username ? null : 'needUsername');
    if (!username || !password) return;
    api('POST', '/login', { username: username, password: password, session: 'cookie' }).then(function (data) {
      saveSession({ csrfToken: data.csrfToken, caseworker: data.caseworker });
      $('password').value = '';
      showDesk();
    }, function (e) { L.tell($('login-error'), e.message); });
  });
  $('logout').addEventListener('click', function () { logout(); });

  // ---- inbox ----
  function showWho() {
    var s = session();
    if (s) $('who-name').textContent = s.caseworker.displayName + paren(s.caseworker.regionCode);
  }
  function showDesk() {
    $('login-view').hidden = true; $('desk-view').hidden = false; $('who').hidden = false;
    showWho();
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
        line1.appendChild(el('span', '', kindWord(c.kind) + (c.person.name ? ' · ' + c.person.name : '')));
        line1.appendChild(el('span', 'badge' + (c.overdue ? ' overdue' : ''), c.overdue ? w('overdue') : statusWord(c.status)));
        li.appendChild(line1);
        li.appendChild(el('div', 'line2', reasonText(c.reason)));
        li.appendChild(el('div', 'line2', w('submitted') + ' ' + time(c.openedAt) + (c.status === 'closed' ? ' · ' + w('closedAt') + ' ' + time(c.closedAt) : ' · ' + dueText(c.dueBy)) + (c.claimedBy ? ' · ' + c.claimedBy.displayName : '')));
        var open = function () { openCase(c.id); };
        li.addEventListener('click', open);
        li.addEventListener('keydown', function (e) { if (e.key === 'Enter') open(); });
        list.appendChild(li);
      });
    }, function (e) { L.tell($('live'), e.message); });
  }

  // ---- one case ----
  function openCase(id) {
    state.caseId = id;
    document.querySelectorAll('#case-list li').forEach(function (li) { li.classList.toggle('selected', li.getAttribute('data-case-id') === id); });
    clearCaseErrors();
    return loadCase();
  }
  function loadCase() {
    if (!state.caseId) return Promise.resolve();
    var id = state.caseId;
    return api('GET', '/cases/' + id).then(function (data) { if (state.caseId === id) renderCase(data.case); },
      function (e) { L.tell($('case-error'), e.message); });
  }
  function clearCaseErrors() {
    L.tell($('case-error'), '');
    ['reply-text', 'close-reason', 'transfer-to', 'note-text'].forEach(function (id) { fieldError(id, null); });
  }
  function renderCase(c) {
    state.current = c;
    var me = session().caseworker;
    $('no-case').hidden = true; $('case-body').hidden = false;
    $('case-title').textContent = kindWord(c.kind) + ' · ' + statusWord(c.status) + (c.overdue ? paren(w('overdue')) : '');
    $('case-meta').textContent = reasonText(c.reason) + ' · ' + w('submitted') + ' ' + time(c.openedAt) +
      (c.status === 'closed' ? ' · ' + w('closedAt') + ' ' + time(c.closedAt) + paren(c.closeReason || w('cancelled')) : ' · ' + dueText(c.dueBy)) +
      (c.claimedBy ? ' · ' + w('claimedBy') + w('colon') + c.claimedBy.displayName : '');
    var p = c.person; var parts = [];
    if (p.name) parts.push(w('name') + ' ' + p.name);
    if (p.idNumber) parts.push(w('id') + ' ' + p.idNumber);
    if (p.phone) parts.push(w('phone') + ' ' + p.phone);
    parts.push(w('channel.' + p.channel) || p.channel);
    $('case-person').textContent = (p.jobSeekerId ? '' : w('unregistered') + ' · ') + parts.join(' · ');
    var mine = c.claimedBy && c.claimedBy.username === me.username;
    var open = c.status !== 'closed';
    $('claim').hidden = c.status !== 'new';
    $('waiting').hidden = !(open && c.status !== 'new' && mine);
    L.say($('waiting'), c.status === 'waiting' ? 'resume' : 'wait');
    // 身份核验: after checking who the person is (by phone, at the counter), link the conversation to them.
    $('confirm-identity').hidden = !(open && mine && c.kind === 'identity_link' && c.canReply);
    $('reply-form').hidden = !(open && mine && c.canReply);
    $('close-form').hidden = !open;
    $('transfer-form').hidden = !(open && (c.status === 'new' || mine));
    var list = $('messages'); list.textContent = '';
    c.excerpt.forEach(function (line) {
      var li = el('li', (line.charAt(0) === '>' ? 'in' : 'out') + ' excerpt');
      li.appendChild(el('span', 'who', w(line.charAt(0) === '>' ? 'person' : 'bot') + ' · ' + w('beforeHandoff')));
      li.appendChild(document.createTextNode(line.slice(2)));
      list.appendChild(li);
    });
    c.messages.forEach(function (m) {
      var staff = m.sender.indexOf('caseworker:') === 0;
      var li = el('li', m.direction + (staff ? ' staff' : ''));
      li.appendChild(el('span', 'who', w(m.direction === 'in' ? 'person' : staff ? 'staff' : 'bot') + ' · ' + time(m.at)));
      li.appendChild(document.createTextNode(m.text));
      list.appendChild(li);
    });
    var notes = $('notes'); notes.textContent = '';
    c.notes.forEach(function (n) { notes.appendChild(el('li', '', time(n.at) + ' ' + n.author.replace(/^caseworker:/, '') + w('colon') + n.text)); });
  }
  function act(path, body, after) {
    if (!state.caseId) return;
    L.tell($('case-error'), '');
    return api('POST', '/cases/' + state.caseId + '/' + path, body).then(function () { if (after) after(); loadInbox(); return loadCase(); },
      function (e) { L.tell($('case-error'), e.message); loadInbox(); loadCase(); });
  }
  function showTab(status) {
    state.status = status;
    document.querySelectorAll('.tabs button').forEach(function (t) { t.setAttribute('aria-selected', String(t.getAttribute('data-status') === status)); });
  }
  // A claimed case moves to "处理中": follow it there so it stays in view.
  $('claim').addEventListener('click', function () { act('claim', {}, function () { showTab('claimed'); }); });
  $('confirm-identity').addEventListener('click', function () {
    if (!window.confirm(w('confirmIdentityAsk'))) return;
    act('confirm-identity', {}, function () { showTab('closed'); });
  });
  $('waiting').addEventListener('click', function () { act('waiting', { waiting: !(state.current && state.current.status === 'waiting') }); });
  $('reply-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var text = $('reply-text').value.trim();
    fieldError('reply-text', text ? null : 'needReply');
    if (!text) return;
    act('reply', { text: text }, function () { $('reply-text').value = ''; });
  });
  $('close-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var reason = $('close-reason').value.trim();
    fieldError('close-reason', reason ? null : 'needReason');
    if (!reason) return;
    act('close', { reason: reason }, function () { $('close-reason').value = ''; showTab('closed'); });
  });
  $('transfer-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var to = $('transfer-to').value.trim();
    var note = $('transfer-note').value.trim();
    fieldError('transfer-to', to ? null : 'needTarget');
    if (!to) return;
    var body = /^\d{6}$/.test(to) ? { toDistrict: to } : { toUsername: to };
    if (note) body.note = note;
    act('transfer', body, function () { $('transfer-to').value = ''; $('transfer-note').value = ''; });
  });
  $('note-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var text = $('note-text').value.trim();
    fieldError('note-text', text ? null : 'needNote');
    if (text) act('notes', { text: text }, function () { $('note-text').value = ''; });
  });

  // ---- live updates ----
  function connectEvents() {
    if (state.events || !session()) return;
    clearTimeout(state.retry);
    api('POST', '/events/ticket', {}).then(function (data) {
      var es = new EventSource(API + '/events?ticket=' + encodeURIComponent(data.ticket));
      state.events = es;
      es.addEventListener('ready', function () { L.say($('live'), 'liveOn'); loadInbox(); });
      es.addEventListener('case', function (e) {
        var id = JSON.parse(e.data).caseId;
        loadInbox(id);
        if (id === state.caseId) loadCase();
      });
      es.addEventListener('message', function (e) {
        var id = JSON.parse(e.data).caseId;
        if (id === state.caseId) loadCase();
      });
      // The session ended (logged out elsewhere, account disabled): back to the login, no reconnecting.
      es.addEventListener('ended', function () { logout('expired'); });
      es.onerror = function () {
        es.close(); state.events = null;
        L.say($('live'), 'liveLost');
        state.retry = setTimeout(connectEvents, 3000);
      };
    }, function () { state.retry = setTimeout(connectEvents, 5000); });
  }

  // The cookie session may have ended since this tab last saw it: ask the server before showing the desk.
  if (session()) {
    api('GET', '/session').then(function (data) { saveSession({ csrfToken: data.csrfToken, caseworker: data.caseworker }); showDesk(); },
      function () { saveSession(null); showLogin(); });
  } else showLogin();
  window.jiuyebangConsole = { state: state };
})();
