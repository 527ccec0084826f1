// Draws every [data-chart] element with ECharts (served by the app at /vendor/echarts). The data
// comes from the page itself, escaped into the attribute; each chart has a table beside it, so the
// page says everything without JavaScript and this only adds the picture.
(() => {
  const echarts = window.echarts;
  if (!echarts) return;

  function optionsFor(chart) {
    const tooltip = { trigger: chart.type === 'bar' ? 'axis' : 'item' };
    if (chart.type === 'bar') {
      return {
        tooltip,
        legend: { top: 0 },
        grid: { left: 40, right: 16, bottom: 60, top: 40 },
        xAxis: {
          type: 'category',
          data: chart.labels,
          axisLabel: { interval: 0, rotate: chart.labels.length > 4 ? 30 : 0 },
        },
        yAxis: { type: 'value', minInterval: 1 },
        series: chart.series.map((series) => ({
          name: series.name,
          type: 'bar',
          stack: chart.series.length > 2 ? 'total' : undefined,
          data: series.values,
        })),
      };
    }
    const data = chart.labels.map((name, index) => ({ name, value: chart.series[0].values[index] }));
    if (chart.type === 'funnel') {
      return {
        tooltip,
        series: [
          {
            name: chart.series[0].name,
            type: 'funnel',
            sort: 'none',
            minSize: '10%',
            label: { position: 'inside', formatter: '{b}: {c}' },
            data,
          },
        ],
      };
    }
    return {
      tooltip,
      legend: { bottom: 0 },
      series: [{ name: chart.series[0].name, type: 'pie', radius: ['35%', '65%'], data }],
    };
  }

  const charts = [];
  for (const element of document.querySelectorAll('[data-chart]')) {
    try {
      const chart = echarts.init(element);
      chart.setOption(optionsFor(JSON.parse(element.dataset.chart)));
      element.dataset.chartDrawn = 'true';
      charts.push(chart);
    } catch (error) {
      console.error('chart not drawn', error);
    }
  }
  window.addEventListener('resize', () => {
    for (const chart of charts) chart.resize();
  });
})();
