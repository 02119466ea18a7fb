/*
 * Renders CDS Hooks cards as an EHR would. Card text only ever reaches the page through textContent or the
 * escaping Markdown renderer; links are followed only when they are http(s).
 */
(function (ns) {
  'use strict';

  var RANK = { critical: 0, warning: 1, info: 2 };
  var WORD = { critical: 'Critical', warning: 'Warning', info: 'Info' };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function safeUrl(url) {
    return typeof url === 'string' && /^https?:\/\/\S+$/i.test(url) ? url : null;
  }

  function indicatorOf(card) {
    return Object.prototype.hasOwnProperty.call(RANK, card.indicator) ? card.indicator : 'info';
  }

  /** Sorted copy: critical, warning, info; the service's order kept within each. */
  function sortCards(cards) {
    return (cards || []).map(function (c, i) { return { c: c, i: i }; }).sort(function (a, b) {
      return (RANK[indicatorOf(a.c)] - RANK[indicatorOf(b.c)]) || (a.i - b.i);
    }).map(function (x) { return x.c; });
  }

  function source(card) {
    var p = el('p', { 'class': 'card-source' }, 'Source: ');
    var src = card.source || {};
    var url = safeUrl(src.url);
    var label = src.label || '(no source label)';
    if (url) {
      p.appendChild(el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, label));
    } else {
      p.appendChild(el('span', {}, label));
    }
    if (src.topic && src.topic.display) {
      p.appendChild(el('span', { 'class': 'card-topic' }, ' · ' + src.topic.display));
    }
    return p;
  }

  function suggestions(card, handlers) {
    var list = card.suggestions || [];
    if (!list.length) {
      return null;
    }
    var box = el('div', { 'class': 'card-suggestions', role: 'group', 'aria-label': 'Suggestions' });
    if (card.selectionBehavior) {
      box.appendChild(el('p', { 'class': 'selection-behavior' },
        card.selectionBehavior === 'at-most-one' ? 'Choose at most one:' : 'Choose any:'));
    }
    list.forEach(function (s) {
      var item = el('div', { 'class': 'suggestion' + (s.isRecommended ? ' recommended' : '') });
      var button = el('button', { type: 'button', 'class': 'accept', 'data-suggestion': s.uuid || '' });
      button.appendChild(el('span', { 'class': 'suggestion-label' }, s.label));
      if (s.isRecommended) {
        button.appendChild(el('span', { 'class': 'tag recommended-tag' }, 'Recommended'));
      }
      button.addEventListener('click', function () {
        box.querySelectorAll('button.accept').forEach(function (b) { b.disabled = true; });
        handlers.accept(card, s);
      });
      item.appendChild(button);
      var actions = el('ul', { 'class': 'actions' });
      (s.actions || []).forEach(function (a) {
        actions.appendChild(el('li', {}, (a.type || '?') + ': ' + (a.description || '')));
      });
      if (actions.childNodes.length) {
        item.appendChild(actions);
      }
      box.appendChild(item);
    });
    return box;
  }

  function links(card, handlers) {
    if (!(card.links || []).length) {
      return null;
    }
    var ul = el('ul', { 'class': 'card-links' });
    card.links.forEach(function (l) {
      var li = el('li');
      var url = l.type === 'absolute' ? safeUrl(l.url) : null;
      // a SMART link: this demo EHR launches it the open-server way (its FHIR server is /demo/fhir, no auth)
      var smart = l.type === 'smart' && handlers && handlers.smartLaunch && safeUrl(l.url)
        ? handlers.smartLaunch(safeUrl(l.url)) : null;
      if (url) {
        li.appendChild(el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, l.label));
      } else if (smart) {
        li.appendChild(el('a', { href: smart, target: '_blank', rel: 'noopener noreferrer', 'class': 'smart-link' },
          l.label + ' (SMART app)'));
      } else {
        li.appendChild(el('span', {}, l.label + (l.type === 'smart' ? ' (SMART app: not launched in this demo)' : '')));
      }
      ul.appendChild(li);
    });
    return ul;
  }

  function renderCard(card, handlers) {
    var ind = indicatorOf(card);
    var article = el('article', { 'class': 'card card-' + ind, 'data-indicator': ind,
      'data-card': card.uuid || '', 'aria-label': WORD[ind] + ' card' });
    var header = el('header', { 'class': 'card-header' });
    header.appendChild(el('span', { 'class': 'badge badge-' + ind }, WORD[ind]));
    header.appendChild(el('h3', { 'class': 'card-summary' }, card.summary || '(no summary)'));
    article.appendChild(header);
    if (card.detail) {
      var detail = el('div', { 'class': 'card-detail' });
      detail.innerHTML = ns.markdown.render(card.detail); // escaped first, fixed tags only
      article.appendChild(detail);
    }
    [suggestions(card, handlers), links(card, handlers), source(card)].forEach(function (n) {
      if (n) { article.appendChild(n); }
    });
    var dismiss = el('button', { type: 'button', 'class': 'dismiss' }, 'Dismiss…');
    dismiss.addEventListener('click', function () { handlers.dismiss(card, article); });
    article.appendChild(dismiss);
    return article;
  }

  function renderCards(container, cards, handlers) {
    container.textContent = '';
    var sorted = sortCards(cards);
    if (!sorted.length) {
      container.appendChild(el('p', { 'class': 'no-cards' }, 'No cards: the service has no guidance for this.'));
      return;
    }
    sorted.forEach(function (c) { container.appendChild(renderCard(c, handlers)); });
  }

  ns.cards = { renderCards: renderCards, sortCards: sortCards, el: el, safeUrl: safeUrl };
})(window.CdsDemo = window.CdsDemo || {});
