// govreport edit: the form's script. Plain JavaScript, no build step, served from the
// binary. Each change is sent (debounced) as one field's new value with the hash of the
// file it was made on; the answer is the file's state: its problems, placed beside the
// fields they concern, the tables' computed totals and the paragraphs as printed. Text
// from the file or the server is only ever set as textContent or a value, never as HTML.
(function () {
  'use strict';

  const body = document.body;
  const status = document.getElementById('status');
  const conflict = document.getElementById('conflict');
  const preview = document.getElementById('preview');
  const problemList = document.getElementById('problem-list');
  const template = document.getElementById('para-template');
  let hash = body.dataset.hash || null;
  let busy = false;
  let timer = null;
  let lastText = null;
  const queue = new Map();

  const key = (path) => JSON.stringify(path);
  const pathOf = (el) => JSON.parse(el.dataset.path);

  function byPath(selector, path) {
    const wanted = key(path);
    return Array.from(document.querySelectorAll(selector)).filter(
      (el) => key(JSON.parse(el.dataset.path || el.dataset.for)) === wanted);
  }

  function showConflict() {
    conflict.hidden = false;
  }

  function message(ul, text, cls) {
    const li = document.createElement('li');
    li.className = cls;
    li.textContent = text;
    ul.appendChild(li);
    return li;
  }

  // The messages list of a field: a paragraph's own, else the field's.
  function messagesOf(target) {
    const lists = byPath('ul.msgs[data-for]', target.path);
    if (target.paragraph !== null && target.paragraph !== undefined) {
      for (const container of byPath('.paragraphs', target.path)) {
        const para = container.querySelectorAll(':scope > .para')[target.paragraph];
        if (para) return para.querySelector('ul.msgs');
      }
    }
    return lists[0] || null;
  }

  function focusTarget(target) {
    const inputs = byPath('[data-path]', target.path);
    let el = inputs.find((e) => e.matches('input, select, textarea')) || inputs[0];
    if (el && el.classList.contains('paragraphs')) {
      const paras = el.querySelectorAll(':scope > .para textarea');
      el = paras[target.paragraph || 0] || el;
    }
    if (el) {
      el.scrollIntoView({ block: 'center' });
      if (el.focus) el.focus();
    }
  }

  function apply(state) {
    hash = state.hash;
    for (const ul of document.querySelectorAll('ul.table-msgs')) ul.textContent = '';
    body.dataset.hash = hash;
    status.textContent = state.summary;
    status.className = state.errors > 0 ? 'has-errors' : 'clean';
    for (const ul of document.querySelectorAll('ul.msgs')) {
      for (const li of Array.from(ul.children)) {
        if (!li.classList.contains('refused')) li.remove();
      }
    }
    for (const el of document.querySelectorAll('.has-problem')) el.classList.remove('has-problem');
    problemList.textContent = '';
    if (state.readable && state.problems.length === 0) message(problemList, body.dataset.none, 'none');
    for (const p of state.problems) {
      const cls = p.severity === 'error' ? 'error' : 'warning';
      const item = message(problemList, p.text, cls);
      if (p.target) {
        const ul = messagesOf(p.target);
        const cell = ul && ul.closest('td');
        if (cell) {
          // In a table, the cell shows the rule; the message is under the table.
          const short = message(ul, p.text.slice(0, p.text.indexOf(']') + 1), cls);
          short.title = p.text;
          const below = cell.closest('section').querySelector('ul.table-msgs');
          if (below) message(below, p.text, cls);
        } else if (ul) {
          message(ul, p.text, cls);
        }
        if (ul) {
          const holder = ul.closest('td, .field, .para, .paragraphs');
          if (holder) holder.classList.add('has-problem');
        }
        const link = document.createElement('button');
        link.type = 'button';
        link.className = 'goto';
        link.textContent = '→';
        link.addEventListener('click', () => focusTarget(p.target));
        item.prepend(link);
      }
    }
    for (const el of document.querySelectorAll('[data-cell]')) {
      const printed = state.cells[Number(el.dataset.cell)];
      if (printed === undefined) continue;
      if (el.tagName === 'OUTPUT') el.textContent = printed;
      else if (el.classList.contains('total')) el.placeholder = printed;
    }
    for (const p of document.querySelectorAll('.para > .filled')) {
      p.hidden = true;
      p.textContent = '';
    }
    for (const f of state.filled) {
      for (const container of byPath('.paragraphs', f.path)) {
        const para = container.querySelectorAll(':scope > .para')[f.paragraph];
        if (para) {
          const out = para.querySelector('.filled');
          out.textContent = f.text;
          out.hidden = false;
        }
      }
    }
    preview.src = 'preview?v=' + encodeURIComponent(hash);
  }

  async function send(edit) {
    const response = await fetch('change', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(Object.assign({ base: hash }, edit)),
    });
    let answer = {};
    try {
      answer = await response.json();
    } catch (e) {
      answer = { error: response.statusText };
    }
    return { response, answer };
  }

  function refused(path, text) {
    for (const ul of byPath('ul.msgs[data-for]', path)) {
      for (const li of Array.from(ul.querySelectorAll('.refused'))) li.remove();
      if (text) message(ul, text, 'refused error');
    }
  }

  async function flush() {
    timer = null;
    if (busy) {
      timer = setTimeout(flush, 50);
      return;
    }
    const next = queue.entries().next();
    if (next.done) return;
    const [id, item] = next.value;
    queue.delete(id);
    busy = true;
    status.textContent = body.dataset.saving;
    try {
      const { response, answer } = await send(item.edit);
      if (response.ok) {
        if (item.edit.path) refused(item.edit.path, null);
        apply(answer);
        if (item.reload) location.reload();
      } else if (response.status === 409 && answer.conflict) {
        showConflict();
        status.textContent = answer.error;
      } else {
        if (item.edit.path) refused(item.edit.path, answer.error || response.statusText);
        status.textContent = answer.error || response.statusText;
      }
    } catch (e) {
      status.textContent = String(e);
    } finally {
      busy = false;
      if (queue.size && !timer) timer = setTimeout(flush, 0);
    }
  }

  function schedule(edit, delay, reload) {
    const id = edit.op === 'set' ? key(edit.path) : edit.op + Math.random();
    queue.set(id, { edit, reload: !!reload });
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, delay);
  }

  function sendParagraphs(container, delay) {
    const value = Array.from(container.querySelectorAll(':scope > .para textarea')).map((t) => t.value);
    schedule({ op: 'set', path: pathOf(container), value }, delay);
  }

  const form = document.getElementById('form');
  form.addEventListener('input', (event) => {
    const el = event.target;
    const list = el.closest('.paragraphs');
    if (el.tagName === 'TEXTAREA' && list) {
      sendParagraphs(list, 300);
    } else if (el.dataset.path && el.tagName !== 'SELECT') {
      schedule({ op: 'set', path: pathOf(el), value: el.value }, 300);
    }
  });
  form.addEventListener('change', (event) => {
    const el = event.target;
    if (el.tagName === 'SELECT') {
      // A people's government's report has one item more in 一: shown after a reload.
      schedule({ op: 'set', path: pathOf(el), value: el.value }, 0, true);
    }
  });
  form.addEventListener('focusin', (event) => {
    if (event.target.tagName === 'TEXTAREA' || event.target.type === 'text') lastText = event.target;
  });
  form.addEventListener('submit', (event) => event.preventDefault());

  form.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button) return;
    const action = button.dataset.action;
    const para = button.closest('.para');
    const list = button.closest('.paragraphs');
    const item = button.closest('.item[data-index]');
    const items = button.closest('.items');
    if (action === 'para-add' && list) {
      const fresh = template.content.firstElementChild.cloneNode(true);
      list.insertBefore(fresh, button);
      fresh.querySelector('textarea').focus();
      sendParagraphs(list, 0);
    } else if (action === 'para-remove' && para) {
      para.remove();
      sendParagraphs(list, 0);
    } else if (action === 'para-up' && para && para.previousElementSibling) {
      list.insertBefore(para, para.previousElementSibling);
      sendParagraphs(list, 0);
    } else if (action === 'para-down' && para && para.nextElementSibling && para.nextElementSibling.classList.contains('para')) {
      list.insertBefore(para.nextElementSibling, para);
      sendParagraphs(list, 0);
    } else if (action === 'item-add' && items) {
      schedule({ op: 'add_item', path: pathOf(items) }, 0, true);
    } else if (item && items) {
      const index = Number(item.dataset.index);
      const count = items.querySelectorAll(':scope > .item').length;
      if (action === 'item-remove') {
        schedule({ op: 'remove_item', path: pathOf(items), index }, 0, true);
      } else if (action === 'item-up' && index > 0) {
        schedule({ op: 'move_item', path: pathOf(items), from: index, to: index - 1 }, 0, true);
      } else if (action === 'item-down' && index + 1 < count) {
        schedule({ op: 'move_item', path: pathOf(items), from: index, to: index + 1 }, 0, true);
      }
    }
  });

  for (const button of document.querySelectorAll('button[data-insert]')) {
    button.addEventListener('click', () => {
      const target = lastText;
      if (!target) return;
      const start = target.selectionStart ?? target.value.length;
      const end = target.selectionEnd ?? start;
      target.setRangeText(button.dataset.insert, start, end, 'end');
      target.focus();
      target.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  document.getElementById('reload').addEventListener('click', () => location.reload());

  // Someone else's change to the file is noticed within two seconds.
  setInterval(async () => {
    if (busy || queue.size || !hash || !conflict.hidden) return;
    try {
      const response = await fetch('hash');
      if (!response.ok) return;
      const answer = await response.json();
      if (answer.hash !== hash && !busy && !queue.size) showConflict();
    } catch (e) {
      // The server stopped: nothing to compare with.
    }
  }, 2000);

  fetch('state')
    .then((r) => r.json())
    .then(apply)
    .catch((e) => {
      status.textContent = String(e);
    });
})();
