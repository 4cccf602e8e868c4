// Theme: follows the system setting until the reader picks one with the toggle, then remembers it.
// Loaded synchronously in <head> so the page never flashes the wrong theme; an external file
// because the Content-Security-Policy allows no inline script.
(function () {
  var KEY = 'marsad-theme';
  var root = document.documentElement;
  function stored() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function systemDark() {
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  }
  function current() {
    return root.dataset.theme || (systemDark() ? 'dark' : 'light');
  }
  // Scripts run: CSS keeps room for what they add (the entity preview buttons of touch screens).
  root.dataset.js = '';
  var saved = stored();
  if (saved === 'dark' || saved === 'light') root.dataset.theme = saved;

  function sync(button) {
    var dark = current() === 'dark';
    button.setAttribute('aria-pressed', String(dark));
    button.setAttribute('aria-label', dark ? 'التبديل إلى الوضع الفاتح' : 'التبديل إلى الوضع الداكن');
    button.title = button.getAttribute('aria-label');
  }
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('[data-theme-toggle]');
    if (!button) return;
    button.setAttribute('data-ready', '');
    sync(button);
    button.addEventListener('click', function () {
      var next = current() === 'dark' ? 'light' : 'dark';
      root.dataset.theme = next;
      try { localStorage.setItem(KEY, next); } catch (e) { /* private mode: not remembered */ }
      sync(button);
    });
  });
})();
