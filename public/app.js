/* Tandem progressive enhancement. Everything works without this file. */
(function () {
  'use strict';

  function init() {
    // Move focus to the error summary so screen-reader and keyboard users land on the problems.
    var summary = document.querySelector('.error-summary');
    if (summary) {
      summary.focus();
      if (summary.scrollIntoView) summary.scrollIntoView({ block: 'start' });
    }
  }

  // <button data-confirm="Are you sure?"> asks before its form is submitted.
  document.addEventListener('click', function (event) {
    var target = event.target;
    var button = target && target.closest ? target.closest('[data-confirm]') : null;
    if (!button) return;
    if (!window.confirm(button.getAttribute('data-confirm'))) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
