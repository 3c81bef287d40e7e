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

    // A long district select gets a search box that ignores case and diacritics ("srodmiescie" finds "Śródmieście").
    var pickers = document.querySelectorAll('[data-filter-select]');
    for (var p = 0; p < pickers.length; p++) addFilter(pickers[p]);
  }

  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/ł/g, 'l').replace(/ß/g, 'ss').replace(/ø/g, 'o').replace(/đ/g, 'd').replace(/\s+/g, ' ').trim();
  }

  function addFilter(box) {
    var select = box.querySelector('select');
    if (!select) return;
    var field = document.createElement('div');
    field.className = 'field';
    var label = document.createElement('label');
    var input = document.createElement('input');
    input.type = 'search';
    input.id = select.id + '-search';
    input.autocomplete = 'off';
    label.htmlFor = input.id;
    label.textContent = box.getAttribute('data-filter-select');
    field.appendChild(label);
    field.appendChild(input);
    box.insertBefore(field, box.firstChild);
    input.addEventListener('input', function () {
      var q = fold(input.value);
      var first = null;
      for (var i = 0; i < select.options.length; i++) {
        var o = select.options[i];
        var show = o.value === '' || q === '' || fold(o.text).indexOf(q) >= 0;
        o.hidden = !show;
        if (show && o.value !== '' && !first) first = o;
      }
      // Nothing chosen yet, or the choice filtered away: choose the first match, so typing the name is enough.
      var chosen = select.selectedOptions[0];
      if (first && q !== '' && (!chosen || chosen.value === '' || chosen.hidden)) select.value = first.value;
    });
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
