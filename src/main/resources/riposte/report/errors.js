// Any script error is written into the page (#js-errors) and marks it, so a headless browser's
// DOM dump shows it; ReportIT fails on it.
window.riposteError = function (message) {
  var list = document.getElementById('js-errors');
  var item = document.createElement('li');
  item.textContent = 'JavaScript error: ' + message;
  list.appendChild(item);
  list.hidden = false;
  document.documentElement.setAttribute('data-report', 'error');
};
window.addEventListener('error', function (event) {
  window.riposteError(event.message + ' (line ' + event.lineno + ':' + event.colno + ')');
});
