"""The page-side part of the widgets: one stylesheet and one script, as strings.

ipympl's canvas swallows every key (Tab and Escape included) and has a fixed pixel size; screen
readers get nothing from it. The script fixes what Python cannot reach (see the project's
RECIPES notes, sections 1 and 6):

* **Keyboard.** A capture-phase listener lets Tab and Shift+Tab leave the map natively
  (ipympl never sees them) and makes Escape move focus past the map. Arrow keys, Enter and
  Space still reach Python, which walks the zones (:mod:`footmap.chart.neighbours`). Where the
  script does not run, the explorer's Python key handler moves focus itself.
* **Fit.** The canvas is resized to the width its column gives it (replaying ipympl's own
  resize handle, so clicks stay exact), its height capped to a share of the window.
* **Frames.** ipympl snapshots its whole off-screen canvas as a PNG data URL
  (``toDataURL``) each time a frame arrives, before drawing it: 7-14 ms of the page's main
  thread on every click, spent before the new picture can show. The snapshot only serves a
  saved widget state and is a frame behind anyway; for footmap's maps it is taken when the
  page is idle instead, and the last one is handed out meanwhile.
* **Instant outline.** On a click, the page hit-tests the zone outlines the kernel sent for
  the current layout (:mod:`footmap.explorer.outlines`) and draws the clicked zone's outline on the
  canvas at once; the kernel's frame replaces it a moment later (if none comes, the last
  frame is put back). Only where the canvas has that layout's size, the toolbar is not
  panning or zooming, and a click selects.
* **Screen readers.** The map gets ``role="application"`` and a label naming the zones shown
  (kept in sync with the hidden ``.fm-map-alt`` text); ``.fm-live`` becomes a polite live
  region announcing each selection with its claim and the caveat.

The stylesheet lays the panel beside the map where there is room (below it otherwise, with
the caveat first), keeps the caveat on screen (sticky), and enlarges text in presentation
mode (``.fm-present``). Everything is scoped to ``.footmap-root``; nothing imports ipywidgets.
"""

from __future__ import annotations

__all__ = ["CSS", "SCRIPT", "style_html"]

#: Share of the window height the map may take (normal, presentation).
HEIGHT_SHARE = (0.6, 0.78)

CSS = """
.footmap-root, .footmap-root .widget-box, .jp-OutputArea-child:has(.footmap-root),
.jp-OutputArea-output:has(.footmap-root), .jp-OutputArea:has(.footmap-root) {
  overflow: visible !important; }
.footmap-root { container-type: inline-size; container-name: footmap; }
.jp-OutputArea:has(.footmap-root) > .jp-OutputArea-child:has(.footmap-static) {
  display: none; }
.footmap-root .fm-body { display: grid; grid-template-columns: minmax(0, 1fr);
  grid-template-areas: "map" "caveat" "side"; align-items: start; gap: 6px 14px;
  width: 100%; }
.footmap-root .fm-mapcol { grid-area: map; min-width: 0; }
.footmap-root .fm-side { grid-area: side; min-width: 0; display: flex;
  flex-direction: column; }
.footmap-root .fm-body > .fm-pin { grid-area: caveat; align-self: end; }
@container footmap (min-width: 840px) {
  .footmap-root .fm-body { grid-template-columns: minmax(300px, 1fr) minmax(240px, min(36%, 420px));
    grid-template-areas: "map side" "map caveat"; grid-template-rows: auto 1fr; }
  .footmap-root .fm-side .fm-scroll { max-height: 48vh; overflow-y: auto; }
}
.footmap-tour .fm-tour-step .fm-caveat { display: none; }
.footmap-root .fm-pin { position: sticky; bottom: 0; z-index: 2; }
.footmap-root .fm-pin { background: #ffffff; }
.footmap-root .fm-text, .footmap-root .fm-selection { line-height: 1.4; }
.footmap-root .fm-sr-only { position: absolute !important; width: 1px; height: 1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; margin: -1px; padding: 0; }
.footmap-root .jupyter-matplotlib-canvas-div:focus-visible,
.footmap-root .jupyter-matplotlib-canvas-div:focus { outline: 3px solid #1d4ed8;
  outline-offset: 2px; }
.footmap-root .fm-search-hint button { margin-left: 6px; }
.footmap-root.fm-present { font-size: 125%; }
.footmap-root.fm-present .widget-html-content, .footmap-root.fm-present .widget-label,
.footmap-root.fm-present button, .footmap-root.fm-present input {
  font-size: 125% !important; line-height: 1.4; }
@container footmap (min-width: 840px) {
  .footmap-root.fm-present .fm-body {
    grid-template-columns: minmax(300px, 1fr) minmax(300px, 560px); } }
"""

SCRIPT = """
(() => { if (window._footmapFront) return; window._footmapFront = true;
const SHARE = @SHARE@, PRESENT = @PRESENT@;
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
const fit = (el) => {
  const div = el.querySelector('.jupyter-matplotlib-canvas-div'); if (!div) return;
  const top = div.querySelectorAll('canvas')[1]; if (!top) return;
  const r = top.getBoundingClientRect(); if (!r.width) return;
  const fig = el.querySelector('.jupyter-matplotlib-figure');
  const col = el.closest('.fm-mapcol') || el.parentElement;
  const wide = col.closest('.footmap-root')?.clientWidth >= 840;
  const avail = col.clientWidth - (fig.offsetWidth - div.offsetWidth) - 6;
  const present = el.closest('.fm-present') !== null;
  const a = r.height / r.width; let W = avail, H = W * a;
  const cap = innerHeight * (present ? PRESENT : SHARE) * (wide ? 1 : 0.85);
  if (H > cap) { H = cap; W = H / a; }
  W = Math.max(W, 240); H = W * a;
  if (Math.abs(r.width - W) < 4) return;
  top.dispatchEvent(new MouseEvent('mousedown', {clientX: r.right - 2, clientY: r.bottom - 2,
    bubbles: true}));
  window.dispatchEvent(new MouseEvent('mousemove', {clientX: r.left + W, clientY: r.top + H}));
  window.dispatchEvent(new MouseEvent('mouseup', {}));
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
  if (!div || !div.closest('.footmap-root')) return;
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
  const text = alt ? alt.textContent.replace(/\\s+/g, ' ').trim() : '';
  root.querySelectorAll('.jupyter-matplotlib-canvas-div').forEach((div) => {
    frames(div);
    if (div.getAttribute('role') !== 'application') {
      div.setAttribute('role', 'application');
      div.setAttribute('aria-roledescription', 'foot map'); }
    if (div.getAttribute('aria-label') !== text) div.setAttribute('aria-label', text);
  });
  root.querySelectorAll('.fm-live').forEach((el) => {
    el.setAttribute('aria-live', 'polite'); el.setAttribute('role', 'status');
    el.setAttribute('aria-atomic', 'true'); });
};
const ro = new ResizeObserver((es) => es.forEach((e) => {
  e.target.querySelectorAll('.jupyter-matplotlib.fm-fit').forEach(fit); }));
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
    const col = root.querySelector('.fm-mapcol');
    if (col && !col.hasAttribute('data-fm-fit')) {
      col.setAttribute('data-fm-fit', '1'); ro.observe(col); }
    root.querySelectorAll('.jupyter-matplotlib.fm-fit').forEach((el) => {
      if (!el.hasAttribute('data-fm-seen')) { el.setAttribute('data-fm-seen', '1'); fit(el); }
    });
  });
};
new MutationObserver(watch).observe(document.body, {childList: true, subtree: true,
  characterData: true});
watch();
addEventListener('resize', () => document.querySelectorAll(
  '.footmap-root .jupyter-matplotlib.fm-fit').forEach(fit));
})();
""".replace("@SHARE@", str(HEIGHT_SHARE[0])).replace("@PRESENT@", str(HEIGHT_SHARE[1]))


def style_html() -> str:
    """The stylesheet as an HTML fragment, for an HTML widget inside the widget's root."""
    return f"<style>{CSS}</style>"
