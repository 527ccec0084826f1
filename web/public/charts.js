// Draws every [data-chart] element with ECharts (served by the app at /vendor/echarts). The data
// comes from the page itself, escaped into the attribute; each chart has a table beside it, so the
// page says everything without JavaScript and this only adds the picture.
(() => {
  const echarts = window.echarts;
  if (!echarts) return;

  // Below this width (a phone) labels turn further, are cut to fit, and legends scroll, so no two overlap.
  const NARROW = 480;

  function optionsFor(chart, width) {
    const narrow = width < NARROW;
    const tooltip = { trigger: chart.type === 'bar' ? 'axis' : 'item', confine: true };
    if (chart.type === 'bar') {
      const slot = Math.max(24, (width - 56) / Math.max(1, chart.labels.length));
      const rotate = narrow ? 60 : chart.labels.length > 4 ? 30 : 0;
      return {
        tooltip,
        legend: { top: 0, type: 'scroll' },
        grid: { left: 40, right: 16, bottom: narrow ? 90 : 60, top: 40 },
        xAxis: {
          type: 'category',
          data: chart.labels,
          axisLabel: {
            interval: 0,
            rotate,
            width: rotate ? (narrow ? 80 : 110) : slot - 4,
            overflow: 'truncate',
            hideOverlap: true,
          },
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
            label: {
              position: 'inside',
              formatter: '{b}: {c}',
              width: narrow ? width * 0.5 : undefined,
              overflow: 'truncate',
            },
            data,
          },
        ],
      };
    }
    return {
      tooltip,
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          name: chart.series[0].name,
          type: 'pie',
          radius: narrow ? ['25%', '50%'] : ['35%', '65%'],
          avoidLabelOverlap: true,
          label: narrow ? { show: false } : { show: true, width: 90, overflow: 'truncate' },
          labelLine: { show: !narrow },
          data,
        },
      ],
    };
  }

  const charts = [];
  for (const element of document.querySelectorAll('[data-chart]')) {
    try {
      const chart = echarts.init(element);
      const data = JSON.parse(element.dataset.chart);
      chart.setOption(optionsFor(data, element.clientWidth));
      element.dataset.chartDrawn = 'true';
      charts.push({ chart, data, element });
    } catch (error) {
      console.error('chart not drawn', error);
    }
  }
  // Redraw for the new width: the labels' room changes with it, not only the picture's size.
  let pending = 0;
  const redraw = () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      for (const { chart, data, element } of charts) {
        chart.setOption(optionsFor(data, element.clientWidth), { notMerge: true });
        chart.resize();
      }
    });
  };
  if (window.ResizeObserver) {
    const observer = new ResizeObserver(redraw);
    for (const { element } of charts) observer.observe(element);
  } else window.addEventListener('resize', redraw);
})();
