// The staff page in the browser: change my password; accounts (administrators); audit search and export
// (supervisors). Uses the console's cookie session; every change sends the session's CSRF token.
/* global document, window */
(function () {
  'use strict';
  var API = '/api/caseworker';
  var me = null; var csrf = '';
  // Chinese first; English on request (remembered in this browser, one choice for every console page, see
  // console-lang.js). Static labels carry data-en.
  var lang = (function () { try { return localStorage.getItem('jiuyebang.console.lang') === 'en' ? 'en' : 'zh'; } catch { return 'zh'; } })();
  function T(zh, en) { return lang === 'en' ? en : zh; }
  function role(r) { return { caseworker: T('经办人员', 'Caseworker'), supervisor: T('科长', 'Supervisor'), administrator: T('系统管理员', 'Administrator') }[r] || r; }
  function applyLang() {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.querySelectorAll('[data-en]').forEach(function (n) {
      if (!n.hasAttribute('data-zh')) n.setAttribute('data-zh', n.textContent);
      n.textContent = n.getAttribute(lang === 'en' ? 'data-en' : 'data-zh');
    });
    if (me) showWho();
  }
  function showWho() { $('who-name').textContent = me.displayName + '（' + role(me.role) + '）'; }
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, text) { var n = document.createElement(tag); if (text !== undefined) n.textContent = text; return n; }

  function api(method, path, body) {
    var headers = { Accept: 'application/json' };
    if (method !== 'GET') headers['X-CSRF-Token'] = csrf;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(API + path, { method: method, headers: headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (data) {
          if (!r.ok) { var e = new Error(data.message || T('操作失败，请稍后重试。', 'That did not work; please try again.')); e.field = data.field; e.status = r.status; throw e; }
          return data;
        });
      }, function () { throw new Error(T('网络连接失败，请检查网络后重试。', 'No network connection; please check it and try again.')); });
  }
  function clearErrors(form) { form.querySelectorAll('[data-error-for]').forEach(function (p) { p.textContent = ''; }); }
  function showError(form, e, fallback) {
    var slot = e.field && form.querySelector('[data-error-for="' + e.field + '"]');
    if (slot) slot.textContent = e.message; else $(fallback).textContent = e.message;
  }

  // ---- my password ----
  $('password-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var form = $('password-form'); clearErrors(form); $('password-done').textContent = '';
    api('POST', '/password', { currentPassword: $('current-password').value, newPassword: $('new-password').value }).then(function () {
      $('current-password').value = ''; $('new-password').value = '';
      $('password-done').textContent = T('密码已修改。其他设备上的登录已退出。', 'Password changed. Other sessions have been logged out.');
    }, function (e) { showError(form, e, 'password-done'); });
  });

  // ---- accounts ----
  function loadAccounts() {
    return api('GET', '/accounts').then(function (data) {
      var body = $('accounts'); body.textContent = '';
      data.accounts.forEach(function (a) {
        var tr = el('tr'); tr.setAttribute('data-username', a.username);
        if (a.disabled) tr.className = 'disabled';
        [a.username, a.displayName, role(a.role), a.districts.length ? a.districts.join('、') : T('全地区', 'Whole region'), a.disabled ? T('已停用', 'Disabled') : T('正常', 'Active')]
          .forEach(function (t) { tr.appendChild(el('td', t)); });
        var td = el('td');
        if (a.username !== me.username) {
          var toggle = el('button', a.disabled ? T('启用', 'Enable') : T('停用', 'Disable')); toggle.type = 'button';
          toggle.addEventListener('click', function () {
            api('POST', '/accounts/' + a.id + '/' + (a.disabled ? 'enable' : 'disable'), {}).then(loadAccounts, function (e) { $('accounts-error').textContent = e.message; });
          });
          var reset = el('button', T('重置密码', 'Reset password')); reset.type = 'button';
          reset.addEventListener('click', function () {
            var pw = window.prompt(T('为 ' + a.displayName + ' 设置新密码（至少 10 个字符）：', 'New password for ' + a.displayName + ' (at least 10 characters):'));
            if (pw) api('POST', '/accounts/' + a.id + '/reset-password', { password: pw }).then(function () { $('accounts-error').textContent = T('已重置 ' + a.displayName + ' 的密码。', 'Password of ' + a.displayName + ' reset.'); }, function (e) { $('accounts-error').textContent = e.message; });
          });
          td.appendChild(toggle); td.appendChild(document.createTextNode(' ')); td.appendChild(reset);
        }
        tr.appendChild(td); body.appendChild(tr);
      });
    }, function (e) { $('accounts-error').textContent = e.message; });
  }
  $('account-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var form = $('account-form'); clearErrors(form); $('account-done').textContent = '';
    var districts = $('acc-districts').value.split(/[,，、\s]+/).filter(Boolean);
    api('POST', '/accounts', { username: $('acc-username').value.trim(), displayName: $('acc-name').value.trim(), role: $('acc-role').value, districts: districts, password: $('acc-password').value })
      .then(function (data) {
        $('account-done').textContent = T('已新建账号 ' + data.account.username + '。', 'Account ' + data.account.username + ' created.');
        ['acc-username', 'acc-name', 'acc-districts', 'acc-password'].forEach(function (id) { $(id).value = ''; });
        loadAccounts();
      }, function (e) { showError(form, e, 'account-done'); });
  });

  // ---- audit ----
  function auditQuery() {
    var q = [];
    [['person', 'au-person'], ['caseworker', 'au-caseworker'], ['action', 'au-action'], ['from', 'au-from'], ['to', 'au-to']].forEach(function (p) {
      var v = $(p[1]).value.trim(); if (v) q.push(p[0] + '=' + encodeURIComponent(v));
    });
    return q.join('&');
  }
  $('audit-form').addEventListener('submit', function (ev) {
    ev.preventDefault(); $('audit-error').textContent = '';
    api('GET', '/audit?' + auditQuery()).then(function (data) {
      var body = $('audit-rows'); body.textContent = '';
      if (!data.events.length) { var tr = el('tr'); var td = el('td', T('没有符合条件的记录。', 'No matching records.')); td.colSpan = 5; tr.appendChild(td); body.appendChild(tr); }
      data.events.forEach(function (e) {
        var tr = el('tr');
        [new Date(e.at).toLocaleString(T('zh-CN', 'en-GB'), { timeZone: 'Asia/Shanghai' }), e.actor.replace(/^caseworker:/, ''), e.action, e.subjectType + (e.subjectId ? ' ' + e.subjectId : ''), JSON.stringify(e.details)]
          .forEach(function (t) { tr.appendChild(el('td', t)); });
        body.appendChild(tr);
      });
    }, function (e) { $('audit-error').textContent = e.message; });
  });
  function exportAudit(format) { window.location.href = API + '/audit/export?format=' + format + '&' + auditQuery(); }
  $('audit-csv').addEventListener('click', function () { exportAudit('csv'); });
  $('audit-xlsx').addEventListener('click', function () { exportAudit('xlsx'); });

  api('GET', '/session').then(function (data) {
    me = data.caseworker; csrf = data.csrfToken || '';
    showWho();
    $('password-card').hidden = false;
    if (me.role === 'administrator') { $('accounts-card').hidden = false; loadAccounts(); }
    if (me.role === 'supervisor' || me.role === 'administrator') $('audit-card').hidden = false;
  }, function () { $('need-login').hidden = false; });
  $('lang').addEventListener('click', function () {
    lang = lang === 'en' ? 'zh' : 'en';
    try { localStorage.setItem('jiuyebang.console.lang', lang); } catch { /* private mode: this page only */ }
    applyLang();
    if (me && me.role === 'administrator') loadAccounts();
  });
  applyLang();
  window.jiuyebangStaff = { ready: true };
})();
