/* Tandem: progressive enhancement only; every page works without this file. */
(function () {
  'use strict';

  function init() {
    // Land keyboard and screen-reader users on the list of problems.
    var summary = document.querySelector('.error-summary');
    if (summary) summary.focus();

    // A table that scrolls sideways must be reachable by keyboard (WCAG 2.1.1).
    var wraps = document.querySelectorAll('.table-wrap');
    for (var i = 0; i < wraps.length; i++) {
      var w = wraps[i];
      if (w.scrollWidth > w.clientWidth && !w.querySelector('a[href], button, input, select, textarea, [tabindex]')) {
        w.setAttribute('tabindex', '0');
      }
    }
  }

  // <button data-confirm="Are you sure?"> asks before its form is submitted.
  document.addEventListener('click', function (event) {
    var el = event.target;
    var button = el && el.closest ? el.closest('[data-confirm]') : null;
    if (button && !window.confirm(button.getAttribute('data-confirm'))) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
