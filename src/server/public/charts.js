/**
 * The report's charts under the result tables (Kết quả): pictures the server draws from the
 * same specs and figures as the DOCX (GET /api/charts, /charts/<id>.svg), shown as images, so
 * nothing here runs vega and nothing needs an inline script.
 */
import { resultViews, t, withTab } from './app.js';

let drawing = 0;

function node(tag, text, className) {
  const element = document.createElement(tag);
  if (text !== undefined) element.textContent = text;
  if (className) element.className = className;
  return element;
}

resultViews.push((box, _result, { lang, m }) => {
  const mine = ++drawing;
  const section = node('div', undefined, 'charts');
  section.id = 'charts';
  section.append(node('h3', t('charts.title')));
  // The server draws each picture when it is asked for: "Đang vẽ biểu đồ 2/3" until the last is in.
  const status = node('p', t('working.chartsList'), 'working');
  status.setAttribute('role', 'status');
  section.append(status);
  box.append(section);
  fetch(withTab('/api/charts'))
    .then((response) => (response.ok ? response.json() : { charts: [] }))
    .then(({ charts }) => {
      // A newer result (or a language switch) has drawn its own.
      if (mine !== drawing) return;
      const total = charts.filter((chart) => chart.drawn).length;
      let done = 0;
      const drawn = () => {
        done += 1;
        status.textContent = t('working.charts', { done: String(done), total: String(total) });
        status.hidden = done >= total;
      };
      status.hidden = total === 0;
      status.textContent = t('working.charts', { done: '0', total: String(total) });
      for (const chart of charts) {
        const figure = node('figure', undefined, 'chart');
        figure.dataset.chart = chart.id;
        if (chart.drawn) {
          const image = document.createElement('img');
          // In English the chart's fixed texts are drawn in English (the documents stay Vietnamese).
          image.src = withTab(`/charts/${encodeURIComponent(chart.id)}.svg?run=${mine}&lang=${lang}`);
          image.alt = m(chart.alt);
          image.addEventListener('load', drawn);
          image.addEventListener('error', drawn);
          figure.append(image);
        }
        const caption = node('figcaption');
        caption.append(node('strong', m(chart.caption)));
        for (const note of chart.notes) caption.append(node('span', m(note), 'detail'));
        caption.append(node('span', m(chart.source), 'source'));
        figure.append(caption);
        section.append(figure);
      }
      if (charts.length === 0) section.hidden = true;
    })
    .catch(() => {
      section.hidden = true;
    });
});
