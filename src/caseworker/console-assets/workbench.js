// The "today and reports" page in the browser: today's work lists (filter by district, export) and the
// month's reports drawn with ECharts (served from this host). Uses the console's cookie session (signed in on /console;
// the page only sends GETs, so it needs no CSRF token).
/* global document, window, echarts */
(function () {
  'use strict';
  var API = '/api/caseworker';
  var KEY = 'jiuyebang.console';
  var LISTS = ['firstContacts', 'reviews', 'overdueCases', 'hardship', 'quotaBehind'];
  var REPORTS = {
    registrations: ['登记与退出', 'Registrations and exits'], firstContact: ['首次联系及时率', 'First-contact timeliness'],
    followUp: ['每月联系覆盖率', 'Monthly follow-up coverage'], handoffs: ['转人工与时限', 'Handoffs and deadlines'],
    hardship: ['困难人员类别', 'Hardship categories'], quota: ['年度服务完成率', 'Yearly services'],
    ledger: ['定期联系情况记录表', 'Contact ledger'], ep8: ['就业援助工作情况（EP8）', 'Employment assistance (EP8)'],
  };
  // Chinese first; English when chosen on any console page (the key console-lang.js keeps).
  var LANG_KEY = 'jiuyebang.console.lang';
  var storedLang = (function () { try { return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh-CN'; } catch { return 'zh-CN'; } })();
  var state = { lang: storedLang, district: '', report: 'firstContact', month: '', chart: null };
  var $ = function (id) { return document.getElementById(id); };
  var zh = function () { return state.lang === 'zh-CN'; };

  /** Whether the console has signed in in this tab (the session itself is an HttpOnly cookie). */
  function signedIn() {
    try { var s = JSON.parse(sessionStorage.getItem(KEY) || 'null'); return Boolean(s && s.caseworker); } catch { return false; }
  }

  function query(extra) {
    var params = new URLSearchParams(extra);
    params.set('lang', state.lang);
    if (state.district) params.set('district', state.district);
    return params.toString();
  }

  function request(path) {
    return fetch(API + path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(function (r) {
      if (r.status === 401) { showSignedOut(); throw new Error(''); }
      if (!r.ok) return r.json().catch(function () { return {}; }).then(function (d) { throw new Error(d.message || (zh() ? '操作失败，请稍后重试。' : 'Something went wrong; try again.')); });
      return r;
    }, function () { throw new Error(zh() ? '网络连接失败，请检查网络后重试。' : 'Network error; check the connection.'); });
  }

  function showSignedOut() { $('workbench').hidden = true; $('signed-out').hidden = false; }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function fillTable(table, data) {
    table.textContent = '';
    var head = el('tr');
    data.columns.forEach(function (c) { head.appendChild(el('th', c.label)); });
    var thead = el('thead'); thead.appendChild(head); table.appendChild(thead);
    var body = el('tbody');
    data.rows.forEach(function (row) {
      var tr = el('tr', null, row.overdue === '是' || row.overdue === 'Yes' ? 'overdue' : '');
      data.columns.forEach(function (c) { tr.appendChild(el('td', row[c.key] === null || row[c.key] === undefined ? '' : row[c.key])); });
      body.appendChild(tr);
    });
    table.appendChild(body);
  }

  function download(path, fallbackName) {
    return request(path).then(function (r) {
      var disposition = r.headers.get('content-disposition') || '';
      var match = /filename\*=UTF-8''([^;]+)/.exec(disposition);
      var name = match ? decodeURIComponent(match[1]) : fallbackName;
      return r.blob().then(function (blob) {
        var a = el('a'); a.href = URL.createObjectURL(blob); a.download = name;
        document.body.appendChild(a); a.click(); a.remove();
        setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
      });
    });
  }

  function loadWorklists() {
    $('district-error').textContent = '';
    return request('/worklists/today?' + query({})).then(function (r) { return r.json(); }).then(function (data) {
      $('today-date').textContent = data.date;
      var box = $('worklists'); box.textContent = '';
      LISTS.forEach(function (name) {
        var list = data.lists[name];
        var card = el('section', null, 'worklist'); card.id = 'list-' + name;
        var h = el('h3', list.title);
        var n = el('span', data.counts[name], 'count' + (name === 'overdueCases' && data.counts[name] > 0 ? ' alert' : ''));
        h.appendChild(n); card.appendChild(h);
        if (list.rows.length === 0) card.appendChild(el('p', zh() ? '暂无。' : 'Nothing to do.', 'muted'));
        else { var wrap = el('div', null, 'rows'); var t = el('table'); fillTable(t, list); wrap.appendChild(t); card.appendChild(wrap); }
        var actions = el('div', null, 'exports');
        ['xlsx', 'csv'].forEach(function (format) {
          var b = el('button', (zh() ? '导出 ' : 'Export ') + (format === 'xlsx' ? 'Excel' : 'CSV'));
          b.type = 'button';
          b.setAttribute('aria-label', b.textContent + (zh() ? '：' : ': ') + list.title);
          b.addEventListener('click', function () {
            download('/worklists/today?' + query({ list: name, format: format }), name + '.' + format).catch(function (e) { $('district-error').textContent = e.message; });
          });
          actions.appendChild(b);
        });
        card.appendChild(actions);
        box.appendChild(card);
      });
    }).catch(function (e) { $('district-error').textContent = e.message; });
  }

  function chartOption(chart) {
    var base = { animation: false, tooltip: { trigger: chart.type === 'pie' ? 'item' : 'axis' }, legend: { top: 0 } };
    if (chart.type === 'pie') {
      var series = chart.series[0] || { name: '', values: [] };
      base.series = [{ type: 'pie', name: series.name, radius: ['35%', '65%'], top: 24, label: { formatter: '{b}: {c}' },
        data: chart.categories.map(function (c, i) { return { name: c, value: series.values[i] || 0 }; }) }];
      return base;
    }
    base.grid = { left: 40, right: 16, top: 36, bottom: 30, containLabel: true };
    base.xAxis = { type: 'category', data: chart.categories, axisLabel: { interval: 0, hideOverlap: true } };
    base.yAxis = { type: 'value', minInterval: 1 };
    base.series = chart.series.map(function (s) { return { type: 'bar', name: s.name, data: s.values, label: { show: true, position: 'top' } }; });
    return base;
  }

  function loadReport() {
    $('report-error').textContent = '';
    return request('/reports/' + state.report + '?' + query({ month: state.month })).then(function (r) { return r.json(); }).then(function (data) {
      $('report-title').textContent = data.title;
      var summary = data.summaryItems.map(function (item) { return item.label + (zh() ? '：' : ': ') + item.value; }).join('　');
      $('report-summary').textContent = (data.table.notes || []).slice(0, 1).concat(summary ? [summary] : []).join('　');
      fillTable($('report-table'), data.table);
      var box = $('chart');
      box.hidden = !data.chart;
      if (data.chart && window.echarts) {
        if (!state.chart) state.chart = echarts.init(box, null, { renderer: 'canvas' });
        state.chart.setOption(chartOption(data.chart), true);
        state.chart.resize();
      }
    }).catch(function (e) { $('report-error').textContent = e.message; });
  }

  function applyLanguage() {
    document.documentElement.lang = state.lang;
    Array.prototype.forEach.call(document.querySelectorAll('[data-en]'), function (e) {
      if (!e.hasAttribute('data-zh')) e.setAttribute('data-zh', e.textContent);
      e.textContent = zh() ? e.getAttribute('data-zh') : e.getAttribute('data-en');
    });
    var district = $('district');
    if (!district.hasAttribute('data-zh-placeholder')) district.setAttribute('data-zh-placeholder', district.placeholder);
    district.placeholder = district.getAttribute(zh() ? 'data-zh-placeholder' : 'data-en-placeholder');
    $('lang').textContent = zh() ? 'English' : '中文';
    var select = $('report'); var current = state.report; select.textContent = '';
    Object.keys(REPORTS).forEach(function (name) {
      var o = el('option', REPORTS[name][zh() ? 0 : 1]); o.value = name; select.appendChild(o);
    });
    select.value = current;
  }

  function thisMonth() {
    return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 7);
  }

  document.addEventListener('DOMContentLoaded', function () {
    applyLanguage();
    // The switch works signed out too (the notice is worded); the lists are fetched only with a session.
    $('lang').addEventListener('click', function () {
      state.lang = zh() ? 'en' : 'zh-CN';
      try { localStorage.setItem(LANG_KEY, zh() ? 'zh' : 'en'); } catch { /* private mode: this page only */ }
      applyLanguage();
      if (signedIn()) { loadWorklists(); loadReport(); }
    });
    if (!signedIn()) return showSignedOut();
    $('workbench').hidden = false;
    $('district-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      state.district = $('district').value.trim();
      loadWorklists(); loadReport();
    });
    $('report-form').addEventListener('submit', function (ev) {
      ev.preventDefault();
      state.report = $('report').value; state.month = $('month').value;
      loadReport();
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-export]'), function (b) {
      b.addEventListener('click', function () {
        var format = b.getAttribute('data-export');
        download('/reports/' + state.report + '?' + query({ month: state.month, format: format }), state.report + '.' + format).catch(function (e) { $('report-error').textContent = e.message; });
      });
    });
    window.addEventListener('resize', function () { if (state.chart) state.chart.resize(); });
    // The month defaults to the service's today (Beijing), which the work lists report.
    loadWorklists().then(function () {
      state.month = ($('today-date').textContent || thisMonth()).slice(0, 7);
      $('month').value = state.month;
      return loadReport();
    });
  });
})();
