// Charts of the monitoring page (/programmes/{id}/monitoring). The figures come from the data-charts attribute of
// #charts (JSON written by the server); no inline script, so the page's CSP allows only the app's own files.
(function () {
  'use strict';
  var holder = document.getElementById('charts');
  if (!holder || !window.echarts) {
    return;
  }
  var data = JSON.parse(holder.getAttribute('data-charts'));
  var charts = [];

  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el) {
      return;
    }
    var c = echarts.init(el, null, {renderer: 'canvas'});
    c.setOption(option);
    charts.push(c);
  }

  function targetLine(label) {
    return {silent: true, symbol: 'none', lineStyle: {color: '#a11a1a', type: 'dashed'},
      label: {formatter: label, position: 'insideEndTop'}, data: [{yAxis: data.target}]};
  }

  // containLabel: rotated category names stay inside the chart on a phone.
  var grid = {left: 8, right: 16, top: 40, bottom: 8, containLabel: true};
  var rotated = {interval: 0, rotate: 30, fontSize: 11};

  chart('chart-dynamics', {
    animation: false,
    tooltip: {trigger: 'axis'},
    legend: {data: ['На входе', 'На выходе']},
    grid: grid,
    xAxis: {type: 'category', data: data.dynamics.labels, axisLabel: rotated},
    yAxis: {type: 'value', min: 0, max: 5, name: 'балл'},
    series: [
      {name: 'На входе', type: 'bar', data: data.dynamics.entry, itemStyle: {color: '#9aa5b1'}},
      {name: 'На выходе', type: 'bar', data: data.dynamics.exit, itemStyle: {color: '#1b5e9b'}}
    ]
  });

  chart('chart-classes', {
    animation: false,
    tooltip: {trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + ' %'; }},
    grid: grid,
    xAxis: {type: 'category', data: data.classes.labels, axisLabel: {interval: 0, fontSize: 11}},
    yAxis: {type: 'value', min: 0, max: 100, name: '%'},
    series: [{name: 'Охват класса', type: 'bar', data: data.classes.shares, itemStyle: {color: '#2f8f4e'},
      markLine: targetLine('цель 70 %')}]
  });

  chart('chart-forms', {
    animation: false,
    tooltip: {trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + ' %'; }},
    legend: {data: ['Обучающиеся', 'Педагоги']},
    grid: grid,
    xAxis: {type: 'category', data: data.forms.labels, axisLabel: rotated},
    yAxis: {type: 'value', min: 0, max: 100, name: '%'},
    series: [
      {name: 'Обучающиеся', type: 'bar', data: data.forms.pupils, itemStyle: {color: '#2f8f4e'},
        markLine: targetLine('цель 70 %')},
      {name: 'Педагоги', type: 'bar', data: data.forms.teachers, itemStyle: {color: '#c27c0e'}}
    ]
  });

  chart('chart-meetings', {
    animation: false,
    tooltip: {trigger: 'axis'},
    grid: grid,
    xAxis: {type: 'category', data: data.meetings.labels, axisLabel: rotated},
    yAxis: {type: 'value', minInterval: 1, name: 'встреч'},
    series: [{name: 'Проведено встреч', type: 'line', data: data.meetings.held, areaStyle: {opacity: 0.15},
      itemStyle: {color: '#1b5e9b'}}]
  });

  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
})();
