// The explorer's page script, displayed once before the first widget (footmap.explorer.kit).
//
// ipympl's canvas swallows every key (Tab and Escape included) and has a fixed pixel size;
// screen readers get nothing from it. This script fixes what Python cannot reach:
//
// * Keyboard. A capture-phase listener lets Tab and Shift+Tab leave the map natively (ipympl
//   never sees them) and makes Escape move focus past the map. Arrow keys, Enter and Space
//   still reach Python, which walks the zones (footmap.chart.neighbours). Where the script
//   does not run, the explorer's Python key handler moves focus itself.
// * Fit. The canvas is resized to the width its column gives it (replaying ipympl's own
//   resize handle, so clicks stay exact), its height capped to a share of the window
//   (SHARE, or PRESENT in presentation mode).
// * Narrow layouts. Under 840 px, where the kernel's width for one readable foot
//   (data-minw) leaves a side column of SIDE_MIN px or more, the side column (the caveat
//   first) stands beside one foot (.fm-duo) instead of under a map taller than the window.
//   In presentation mode, where JupyterLab's left side panel leaves too little for that,
//   the page closes the panel once (as Ctrl+B does) and says so above the explorer.
// * Frames. ipympl snapshots its whole off-screen canvas as a PNG data URL (toDataURL) each
//   time a frame arrives, before drawing it: 7-14 ms of the page's main thread on every click,
//   spent before the new picture can show. The snapshot only serves a saved widget state and
//   is a frame behind anyway; for footmap's maps it is taken when the page is idle instead,
//   and the last one is handed out meanwhile.
// * Instant outline. On a click, the page hit-tests the zone outlines the kernel sent for the
//   current layout (footmap.explorer.outlines) and draws the clicked zone's outline on the
//   canvas at once; the kernel's frame replaces it a moment later (if none comes, the last
//   frame is put back). Only where the canvas has that layout's size, the toolbar is not
//   panning or zooming, and a click selects.
// * The body figure (.fm-bodycol): fitted to the side column's width with its own shape;
//   on where the panel stands beside the map, turned off (its "Body" box unticked) where the
//   explorer is narrow; its canvas is labelled from .fm-body-alt, reachable by Tab, and its
//   arrow keys and Enter reach Python as the map's do.
// * Screen readers. The map gets role="application" and a label naming the zones shown (kept
//   in sync with the hidden .fm-map-alt text); .fm-live becomes a polite live region
//   announcing each selection with its claim and the caveat.
//
// Everything is scoped to .footmap-root; it runs once per page (window._footmapFront).
(() => { if (window._footmapFront) return; window._footmapFront = true;
const SHARE = 0.9, PRESENT = 0.92;  // share of the visible height the map may take
const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), '
  + 'textarea, summary, a[href], [tabindex]:not([tabindex="-1"])';
const leave = (from, back) => {
  const all = [...document.querySelectorAll(FOCUSABLE)].filter((e) =>
    e.offsetParent !== null && (e === from || !from.contains(e)));
  const i = all.indexOf(from);
  for (let k = i + (back ? -1 : 1); k >= 0 && k < all.length; k += back ? -1 : 1) {
    all[k].focus(); if (document.activeElement === all[k]) return; }
  from.blur();
};
document.addEventListener('keydown', (e) => {
  const t = e.target;
  if (!t.classList || !t.classList.contains('jupyter-matplotlib-canvas-div')) return;
  if (!t.closest('.footmap-root')) return;
  if (e.key === 'Tab') { e.stopPropagation(); }
  else if (e.key === 'Escape') {
    e.stopPropagation(); e.preventDefault(); leave(t, e.shiftKey); }
}, true);
const viewHeight = (el) => {  // the height the page scrolls in: JupyterLab's notebook, else
  const s = el.closest('.jp-WindowedPanel-outer, .jp-Notebook');  // the window
  return s && s.clientHeight ? Math.min(s.clientHeight, innerHeight) : innerHeight;
};
const fit = (el) => {
  // The map's shape comes from the kernel (.fm-fit-data: the layout's height / width, and the
  // least height that keeps a sole wide enough to read); the width from the column; the height
  // is capped so that the caveat under the map stays in view, never below that least height.
  const div = el.querySelector('.jupyter-matplotlib-canvas-div'); if (!div) return;
  const top = div.querySelectorAll('canvas')[1]; if (!top) return;
  const r = top.getBoundingClientRect(); if (!r.width) return;
  const fig = el.querySelector('.jupyter-matplotlib-figure');
  const col = el.closest('.fm-mapcol') || el.parentElement;
  const root = col.closest('.footmap-root');
  const info = root ? root.querySelector('.fm-fit-data') : null;
  const avail = col.clientWidth - (fig.offsetWidth - div.offsetWidth) - 6;
  const present = el.closest('.fm-present') !== null;
  const a = info ? parseFloat(info.dataset.aspect) || 0.75 : r.height / r.width;
  const minh = info ? parseFloat(info.dataset.minh) || 0 : 0;
  const pin = root ? root.querySelector('.fm-pin') : null;
  const beside = pin && col.getBoundingClientRect().right < pin.getBoundingClientRect().left;
  const below = pin && !beside ? pin.offsetHeight + 28 : 0;
  const vh = viewHeight(el);
  const cap = Math.max(present ? vh * PRESENT : Math.min(vh * SHARE, vh - below - 12), minh);
  let W = Math.max(avail, 240), H = Math.min(W * a, cap);
  if (Math.abs(r.width - W) < 4 && Math.abs(r.height - H) < 4) return;
  top.dispatchEvent(new MouseEvent('mousedown', {clientX: r.right - 2, clientY: r.bottom - 2,
    bubbles: true}));
  window.dispatchEvent(new MouseEvent('mousemove', {clientX: r.left + W, clientY: r.top + H}));
  window.dispatchEvent(new MouseEvent('mouseup', {}));
};
const fitBody = (el) => {
  // The body figure: as wide as the side column, its shape from the kernel (.fm-body-data),
  // at most a third of the visible height so the panel keeps room under it.
  const div = el.querySelector('.jupyter-matplotlib-canvas-div'); if (!div) return;
  const top = div.querySelectorAll('canvas')[1]; if (!top) return;
  const r = top.getBoundingClientRect(); if (!r.width) return;
  const col = el.closest('.fm-bodycol'); if (!col || !col.clientWidth) return;
  const fig = el.querySelector('.jupyter-matplotlib-figure');
  const info = col.querySelector('.fm-body-data');
  const a = info ? parseFloat(info.dataset.aspect) || 0.7 : 0.7;
  let W = col.clientWidth - (fig.offsetWidth - div.offsetWidth) - 4;
  W = Math.max(Math.min(W, viewHeight(el) * 0.34 / a), 160);
  const H = W * a;
  if (Math.abs(r.width - W) < 4 && Math.abs(r.height - H) < 4) return;
  top.dispatchEvent(new MouseEvent('mousedown', {clientX: r.right - 2, clientY: r.bottom - 2,
    bubbles: true}));
  window.dispatchEvent(new MouseEvent('mousemove', {clientX: r.left + W, clientY: r.top + H}));
  window.dispatchEvent(new MouseEvent('mouseup', {}));
};
const bodyWhenRoom = (root) => {
  // The body figure is on where the panel stands beside the map (the stylesheet's 840 px),
  // off where the explorer is narrow; only when the width crosses that line, so a reader's
  // own choice stays.
  const box = root.querySelector('.fm-body-toggle input[type="checkbox"]'); if (!box) return;
  const w = root.getBoundingClientRect().width; if (!w) return;
  const narrow = w < 840;
  if (root._fmNarrow === narrow) return;
  const first = root._fmNarrow === undefined; root._fmNarrow = narrow;
  if (narrow && box.checked) { box.click(); root._fmBodyAuto = true; }
  else if (!narrow && !box.checked && root._fmBodyAuto && !first) {
    box.click(); root._fmBodyAuto = false; }
};
const SIDE_MIN = 180;  // the least width (px) of a side column beside one foot
const duo = (root) => {
  // Narrower than the stylesheet's 840 px: rather than stack the side column (the caveat
  // first) under a map taller than the window, give the map the width one foot needs at a
  // readable scale (the kernel's data-minw; it then shows one foot) or more, and the side
  // column the rest, beside it, sticking to the top of the window as in the wide layout.
  const info = root.querySelector('.fm-fit-data');
  const w = root.getBoundingClientRect().width; if (!w || !info) return;
  const minw = parseFloat(info.dataset.minw) || 0;
  const fig = root.querySelector('.fm-mapcol .jupyter-matplotlib-figure');
  const div = fig ? fig.querySelector('.jupyter-matplotlib-canvas-div') : null;
  const pad = (fig && div ? fig.offsetWidth - div.offsetWidth : 0) + 8;
  const side = root.classList.contains('fm-present') ? SIDE_MIN + 60 : SIDE_MIN + 80;
  const mapw = Math.ceil(Math.max(minw + pad, w - side - 14));
  const on = w < 840 && minw > 0 && w - mapw - 14 >= SIDE_MIN;
  if (on) { const v = mapw + 'px';
    if (root.style.getPropertyValue('--fm-mapw') !== v) root.style.setProperty('--fm-mapw', v); }
  if (root.classList.contains('fm-duo') !== on) root.classList.toggle('fm-duo', on);
};
const roomToPresent = (root) => {
  // Presentation mode (a projector) where JupyterLab's left side panel leaves the explorer
  // too little room for the map with the caveat beside it: close that panel once, as Ctrl+B
  // does, and say so. Once per explorer; the reader's Ctrl+B opens it again.
  if (root._fmRoomAsked || !root.classList.contains('fm-present')) return;
  const w = root.getBoundingClientRect().width; if (!w) return;
  root._fmRoomAsked = true;
  if (w >= 840 || root.classList.contains('fm-duo')) return;
  const tab = document.querySelector('.jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current');
  if (!tab) return;
  const b = tab.getBoundingClientRect(), at = {bubbles: true, cancelable: true, button: 0,
    clientX: b.left + b.width / 2, clientY: b.top + b.height / 2, pointerId: 1, isPrimary: true};
  tab.dispatchEvent(new PointerEvent('pointerdown', at));
  tab.dispatchEvent(new PointerEvent('pointerup', at));
  document.dispatchEvent(new PointerEvent('pointerup', at));
  const note = document.createElement('div');
  note.className = 'fm-room-note';
  note.textContent = 'Presentation: the side panel was closed to give the map room '
    + '(Ctrl+B opens it again).';
  root.insertBefore(note, root.children[1] || null);
};
const lazySnapshot = (off) => {
  if (off._fmLazy) return; off._fmLazy = true;
  const real = off.toDataURL.bind(off); let cached = null, pending = false;
  const later = window.requestIdleCallback || ((f) => setTimeout(f, 200));
  off.toDataURL = (...a) => {
    if (a.length) return real(...a);
    if (cached === null) cached = real();
    else if (!pending) { pending = true; later(() => { pending = false; cached = real(); }); }
    return cached; };
};
const frames = (div) => {
  const c = div.querySelector('canvas'); if (!c || c._fmFrames) return; c._fmFrames = true;
  const ctx = c.getContext('2d');
  ctx.drawImage = function (src, ...rest) {  // the prototype's, looked up at each call
    if (src instanceof HTMLCanvasElement && !src.isConnected && !src._fmSprite) {
      lazySnapshot(src); c._fmOff = src; c._fmOutlined = false; }  // a frame: outline gone
    return CanvasRenderingContext2D.prototype.drawImage.call(this, src, ...rest); };
};
const geometry = (div) => {
  const el = div.closest('.footmap-root')?.querySelector('.fm-geo [data-fm-geo]');
  const raw = el ? el.getAttribute('data-fm-geo') : '';
  if (div._fmGeoRaw !== raw) {
    div._fmGeoRaw = raw; div._fmSprites = new Map();
    try { div._fmGeo = raw ? JSON.parse(raw) : null; } catch (err) { div._fmGeo = null; } }
  return div._fmGeo;
};
const inside = (rings, x, y) => {  // even-odd rule over every ring of the zone
  let c = false;
  for (const r of rings) for (let i = 0, j = r.length - 2; i < r.length; j = i, i += 2) {
    const xi = r[i], yi = r[i + 1], xj = r[j], yj = r[j + 1];
    if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) c = !c; }
  return c;
};
const sprite = (div, g, k) => {  // the zone's outline, rendered once per layout
  let s = div._fmSprites.get(k); if (s) return s;
  const rings = g.zones[k][1]; let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const r of rings) for (let i = 0; i < r.length; i += 2) {
    x0 = Math.min(x0, r[i]); x1 = Math.max(x1, r[i]);
    y0 = Math.min(y0, r[i + 1]); y1 = Math.max(y1, r[i + 1]); }
  const pad = Math.ceil(g.lw) + 2, ox = Math.floor(x0) - pad, oy = Math.floor(y0) - pad;
  const c = document.createElement('canvas'); c._fmSprite = true;
  c.width = Math.ceil(x1) - ox + pad; c.height = Math.ceil(y1) - oy + pad;
  const ctx = c.getContext('2d'); ctx.translate(-ox, -oy); ctx.beginPath();
  for (const r of rings) { ctx.moveTo(r[0], r[1]);
    for (let i = 2; i < r.length; i += 2) ctx.lineTo(r[i], r[i + 1]); ctx.closePath(); }
  ctx.lineWidth = g.lw; ctx.lineJoin = 'round'; ctx.strokeStyle = g.edge; ctx.stroke();
  s = {c, x: ox, y: oy}; div._fmSprites.set(k, s); return s;
};
document.addEventListener('pointerdown', (e) => {  // the clicked zone's outline, at once
  if (e.button !== 0 || !(e.target instanceof HTMLCanvasElement)) return;
  const div = e.target.closest('.jupyter-matplotlib-canvas-div');
  if (!div || !div.closest('.footmap-root') || !div.closest('.fm-mapcol')) return;
  const fig = div.closest('.jupyter-matplotlib') || div.parentElement;
  if (fig && fig.querySelector('.jupyter-matplotlib-toolbar .mod-active')) return;  // pan/zoom
  const c = div.querySelector('canvas'); const g = geometry(div);
  if (!c || !c._fmFrames || !g || !g.preview) return;
  if (Math.abs(c.width - g.w) > 1 || Math.abs(c.height - g.h) > 1) return;  // another layout
  const r = e.target.getBoundingClientRect(); if (!r.width || !r.height) return;
  const x = (e.clientX - r.left) * c.width / r.width, y = (e.clientY - r.top) * c.height / r.height;
  const k = g.zones.findIndex((z) => inside(z[1], x, y)); if (k < 0) return;
  const s = sprite(div, g, k), ctx = c.getContext('2d');
  const mark = c._fmMark = (c._fmMark || 0) + 1;
  requestAnimationFrame(() => {  // drawn with the next frame the page paints
    if (c._fmMark !== mark) return;
    ctx.save(); ctx.setTransform(1, 0, 0, 1, 0, 0); ctx.drawImage(s.c, s.x, s.y); ctx.restore();
    c._fmOutlined = true; });
  setTimeout(() => {  // no frame came (the zone was selected already): show the last one
    if (!c._fmOutlined || c._fmMark !== mark || !c._fmOff) return;
    ctx.save(); ctx.setTransform(1, 0, 0, 1, 0, 0); ctx.clearRect(0, 0, c.width, c.height);
    ctx.drawImage(c._fmOff, 0, 0); ctx.restore(); }, 1500);
}, true);
const label = (root) => {
  const alt = root.querySelector('.fm-map-alt');
  const text = alt ? alt.textContent.replace(/\s+/g, ' ').trim() : '';
  const bodyAlt = root.querySelector('.fm-body-alt');
  const bodyText = bodyAlt ? bodyAlt.textContent.replace(/\s+/g, ' ').trim() : '';
  root.querySelectorAll('.jupyter-matplotlib-canvas-div').forEach((div) => {
    const isBody = div.closest('.fm-bodycol') !== null;
    if (!isBody) frames(div);
    const what = isBody ? 'body figure' : 'foot map', said = isBody ? bodyText : text;
    if (div.getAttribute('role') !== 'application') div.setAttribute('role', 'application');
    if (div.getAttribute('aria-roledescription') !== what)
      div.setAttribute('aria-roledescription', what);
    if (div.getAttribute('aria-label') !== said) div.setAttribute('aria-label', said);
    if (!div.hasAttribute('tabindex')) div.setAttribute('tabindex', '0');
  });
  root.querySelectorAll('.fm-live').forEach((el) => {
    el.setAttribute('aria-live', 'polite'); el.setAttribute('role', 'status');
    el.setAttribute('aria-atomic', 'true'); });
};
const ro = new ResizeObserver((es) => es.forEach((e) => {
  e.target.querySelectorAll('.jupyter-matplotlib.fm-fit').forEach(fit);
  e.target.querySelectorAll('.jupyter-matplotlib.fm-body-fit').forEach(fitBody);
  const root = e.target.closest('.footmap-root'); if (root) { duo(root); bodyWhenRoom(root); } }));
const hideStatic = () => {  // the live widget shows: its static stand-in is not needed
  document.querySelectorAll('.footmap-static').forEach((st) => {
    const child = st.closest('.jp-OutputArea-child, .output_area');
    if (child && child.style.display !== 'none' && child.parentElement
        && child.parentElement.querySelector('.footmap-root')) child.style.display = 'none';
  });
};
const watch = () => {
  hideStatic();
  document.querySelectorAll('.footmap-root').forEach((root) => {
    label(root);
    duo(root);
    roomToPresent(root);
    bodyWhenRoom(root);
    root.querySelectorAll('.fm-mapcol, .fm-bodycol').forEach((col) => {
      if (!col.hasAttribute('data-fm-fit')) { col.setAttribute('data-fm-fit', '1'); ro.observe(col); }
    });
    root.querySelectorAll('.jupyter-matplotlib.fm-body-fit').forEach((el) => {
      if (!el.hasAttribute('data-fm-seen')) { el.setAttribute('data-fm-seen', '1'); fitBody(el); }
    });
    const info = root.querySelector('.fm-fit-data');
    const want = info ? info.dataset.aspect + '/' + info.dataset.minh : '';
    root.querySelectorAll('.jupyter-matplotlib.fm-fit').forEach((el) => {
      if (el.getAttribute('data-fm-seen') !== want) { el.setAttribute('data-fm-seen', want); fit(el); }
    });
  });
};
new MutationObserver(watch).observe(document.body, {childList: true, subtree: true,
  characterData: true});
watch();
addEventListener('resize', () => {
  document.querySelectorAll('.footmap-root').forEach(duo);
  document.querySelectorAll('.footmap-root .jupyter-matplotlib.fm-fit').forEach(fit);
  document.querySelectorAll('.footmap-root .jupyter-matplotlib.fm-body-fit').forEach(fitBody);
});
})();
