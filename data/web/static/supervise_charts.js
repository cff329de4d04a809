// Draws the supervisor's trend charts with Apache ECharts from the plain table beside them
// (data-table, data-series name the table and its column keys), so the table stays the source
// for screen readers and for browsers without script. No inline script (CSP script-src 'self').
document.addEventListener('DOMContentLoaded', () => {
  if (typeof echarts === 'undefined') return;
  for (const box of document.querySelectorAll('.chart[data-table]')) {
    const table = document.getElementById(box.dataset.table);
    if (!table) continue;
    const heads = [...table.querySelectorAll('thead th')];
    const keys = box.dataset.series.split(',');
    const years = [...table.querySelectorAll('tbody tr')].map((tr) => tr.cells[0].textContent.trim());
    const series = keys.map((key) => {
      const col = heads.findIndex((th) => th.dataset.key === key);
      const data = [...table.querySelectorAll('tbody tr')].map((tr) => {
        const text = col >= 0 ? tr.cells[col].textContent.trim() : '';
        return text === '' ? null : Number(text);
      });
      const s = { name: col >= 0 ? heads[col].textContent : key, type: box.dataset.stack ? 'bar' : 'line', data };
      if (box.dataset.stack) s.stack = 'total';
      return s;
    });
    const chart = echarts.init(box, null, { renderer: 'canvas' });
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { top: 40, left: 50, right: 20, bottom: 30 },
      xAxis: { type: 'category', data: years },
      yAxis: { type: 'value', minInterval: 1 },
      series,
    });
    box.dataset.drawn = 'true';
    window.addEventListener('resize', () => chart.resize());
  }
});
