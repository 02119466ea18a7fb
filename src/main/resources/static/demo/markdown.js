/*
 * A tiny, safe Markdown subset for card details: headings, paragraphs, bullet and numbered lists,
 * **bold**, *italics*, `code` and [links](https://...) whose target is http(s) only.
 * Safety rule: the whole input is HTML-escaped FIRST; the renderer only ever adds its own fixed tags,
 * so no tag, attribute or entity from a card can reach the page. Anything else stays visible as text.
 */
(function (ns) {
  'use strict';

  function escapeHtml(text) {
    return String(text)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;');
  }

  // Inline markup on already-escaped text. Code spans and links are parked as placeholders so that
  // emphasis markers inside them (e.g. "_" in a URL) are left alone.
  function inline(escaped) {
    var parked = [];
    function park(html) {
      parked.push(html);
      return '\u0000' + (parked.length - 1) + '\u0000';
    }
    var s = escaped.replace(/\u0000/g, '');
    s = s.replace(/`([^`]+)`/g, function (_, code) { return park('<code>' + code + '</code>'); });
    s = s.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, function (whole, label, url) {
      if (!/^https?:\/\/[^\s]+$/i.test(url)) {
        return whole; // javascript:, data:, relative ... stay as plain text
      }
      return park('<a href="' + url + '" target="_blank" rel="noopener noreferrer">' + emphasis(label) + '</a>');
    });
    s = emphasis(s);
    return s.replace(/\u0000(\d+)\u0000/g, function (_, i) { return parked[Number(i)]; });
  }

  function emphasis(s) {
    return s
      .replace(/\*\*(?=\S)([^*]*?\S)\*\*/g, '<strong>$1</strong>')
      .replace(/__(?=\S)([^_]*?\S)__/g, '<strong>$1</strong>')
      .replace(/(^|[^*\w])\*(?=\S)([^*]*?\S)\*(?![*\w])/g, '$1<em>$2</em>')
      .replace(/(^|[^_\w])_(?=\S)([^_]*?\S)_(?![_\w])/g, '$1<em>$2</em>');
  }

  function render(markdown) {
    if (markdown === undefined || markdown === null) {
      return '';
    }
    var lines = escapeHtml(markdown).replace(/\r\n?/g, '\n').split('\n');
    var out = [];
    var para = [];
    var list = null; // {tag: 'ul'|'ol', items: []}

    function flushPara() {
      if (para.length) {
        out.push('<p>' + inline(para.join(' ')) + '</p>');
        para = [];
      }
    }
    function flushList() {
      if (list) {
        out.push('<' + list.tag + '>' + list.items.map(function (i) {
          return '<li>' + inline(i) + '</li>';
        }).join('') + '</' + list.tag + '>');
        list = null;
      }
    }

    lines.forEach(function (raw) {
      var line = raw.replace(/\s+$/, '');
      var m;
      if (!line.trim()) {
        flushPara();
        flushList();
      } else if ((m = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line))) {
        flushPara();
        flushList();
        var level = Math.min(m[1].length + 3, 6); // card headings sit below the card's own title
        out.push('<h' + level + '>' + inline(m[2]) + '</h' + level + '>');
      } else if ((m = /^\s{0,3}[-*+]\s+(.*)$/.exec(line))) {
        flushPara();
        if (!list || list.tag !== 'ul') { flushList(); list = { tag: 'ul', items: [] }; }
        list.items.push(m[1]);
      } else if ((m = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/.exec(line))) {
        flushPara();
        if (!list || list.tag !== 'ol') { flushList(); list = { tag: 'ol', items: [] }; }
        list.items.push(m[1]);
      } else if (list && /^\s{2,}\S/.test(line)) {
        list.items[list.items.length - 1] += ' ' + line.trim(); // continuation of a list item
      } else {
        flushList();
        para.push(line.trim());
      }
    });
    flushPara();
    flushList();
    return out.join('\n');
  }

  ns.markdown = { render: render, escapeHtml: escapeHtml };
})(window.CdsDemo = window.CdsDemo || {});
