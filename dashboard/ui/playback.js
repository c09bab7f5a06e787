// "Watch it learn": steps through frames the server computed once (dashboard/model/frames.py).
// Each frame redraws four views: a marker on the error curve, the decision surface, the
// prediction table and the hidden layer. Playing is a requestAnimationFrame loop in the
// browser: no request and no Streamlit rerun per frame.
"use strict";

const data = JSON.parse(document.getElementById("frames").textContent);
const count = data.iterations.length;
const $ = (id) => document.getElementById(id);
const state = { frame: 0, playing: false, due: 0, drawn: 0 };

// ---- Colours: viridis (the surface, as the page's surface chart) and Vega's "blues" (the
// hidden layer, as the page's heatmaps), 11 stops each, spread into 256-colour lookup tables.
const VIRIDIS = ["#440154", "#482475", "#414487", "#355f8d", "#2a788e", "#21918c",
  "#22a884", "#44bf70", "#7ad151", "#bddf26", "#fde725"];
const BLUES = ["#cfe1f2", "#bed8ec", "#a8cee5", "#8fc1de", "#74b2d7", "#5ba3cf",
  "#4592c6", "#3181bd", "#206fb2", "#125ca4", "#0a4690"];

function lookupTable(stops) {
  const rgb = stops.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
  return Array.from({ length: 256 }, (_, k) => {
    const at = (k / 255) * (stops.length - 1);
    const i = Math.min(Math.floor(at), stops.length - 2);
    const mix = rgb[i].map((c, n) => Math.round(c + (rgb[i + 1][n] - c) * (at - i)));
    return `rgb(${mix.join(",")})`;
  });
}
const viridis = lookupTable(VIRIDIS), blues = lookupTable(BLUES);
const shade = (table, t) => table[Math.round(Math.min(Math.max(t, 0), 1) * 255)];

// Streamlit draws this page in a same-origin iframe, so the app's own background tells a dark
// theme from a light one, and follows a switch in its settings. Otherwise: the theme the
// server saw (data-theme), else the system's preference.
function isDark() {
  try {
    const app = window.parent.document.querySelector(".stApp");
    const [r, g, b, a = 1] = getComputedStyle(app).backgroundColor.match(/[\d.]+/g).map(Number);
    if (a > 0) return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
  } catch (error) { /* no parent to read: fall back */ }
  const told = document.documentElement.dataset.theme; // "dark", "light" or ""
  if (told) return told === "dark";
  return window.matchMedia("(prefers-color-scheme: dark)").matches;
}
function applyTheme() { document.documentElement.classList.toggle("dark", isDark()); }

// ---- Numbers as the page's tables print them: 6 significant digits, thousands with commas.
const fmt = (v) => (v === null ? "—" : String(Number(v.toPrecision(6))));
const withCommas = (i) => i.toLocaleString("en-US");

// ---- The error curve (SVG), with the page's axes: log error, "symlog" iteration (the log of
// 1 + iteration, so iteration 0 has a place). The frames are log-spaced: the marker moves evenly.
const svg = $("curve");
const box = { left: 52, right: 16, top: 8, bottom: 34, width: 380, height: 230 };
const lastIteration = Math.max(data.curve.iterations[data.curve.iterations.length - 1], 1);
const finiteErrors = data.curve.error.filter((e) => e !== null);
const decadeLow = Math.floor(Math.log10(Math.min(...finiteErrors, 1)));
const decadeHigh = Math.max(Math.ceil(Math.log10(Math.max(...finiteErrors, 1e-3))), decadeLow + 1);
const xOf = (i) => box.left +
  (box.width - box.left - box.right) * (Math.log1p(i) / Math.log1p(lastIteration));
const yOf = (e) => box.top + (box.height - box.top - box.bottom) *
  ((decadeHigh - Math.log10(e)) / (decadeHigh - decadeLow));

function setAttributes(element, attributes) {
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
}
function svgElement(name, attributes, text) {
  const element = document.createElementNS("http://www.w3.org/2000/svg", name);
  setAttributes(element, attributes);
  if (text !== undefined) element.textContent = text;
  return svg.appendChild(element);
}

function drawAxes() {
  const bottom = box.height - box.bottom;
  // Ticks at 0, 1, 10, 100 ... and the last iteration, dropping those that would overlap it.
  const ticks = [0];
  for (let t = 1; t <= lastIteration; t *= 10) ticks.push(t);
  const shown = ticks.filter((t) => xOf(lastIteration) - xOf(t) > 34).concat([lastIteration]);
  for (const t of shown) {
    svgElement("line", { class: "tick", x1: xOf(t), x2: xOf(t), y1: box.top, y2: bottom });
    const anchor = t === lastIteration && t > 0 ? "end" : "middle"; // the last label stays inside
    const label = { class: "axis", x: xOf(t), y: bottom + 14, "text-anchor": anchor };
    svgElement("text", label, withCommas(t));
  }
  svgElement("text", { class: "axis", x: box.left, y: box.height - 4 }, "iteration (symlog scale)");
  for (let d = decadeLow; d <= decadeHigh; d++) {
    const y = yOf(10 ** d);
    svgElement("line", { class: "tick", x1: box.left, x2: box.width - box.right, y1: y, y2: y });
    const label = d >= -3 ? String(10 ** d) : `1e${d}`;
    svgElement("text", { class: "axis", x: box.left - 4, y: y + 4, "text-anchor": "end" }, label);
  }
}

function drawCurve() {
  // A null (not finite) point breaks the line: the next point starts a new piece ("M").
  let path = "", move = true;
  data.curve.iterations.forEach((i, n) => {
    const e = data.curve.error[n];
    if (e === null) { move = true; return; }
    path += `${move ? "M" : "L"}${xOf(i).toFixed(1)},${yOf(e).toFixed(1)}`;
    move = false;
  });
  svgElement("path", { id: "curve-line", d: path });
  svgElement("line", { id: "marker-rule", y1: box.top, y2: box.height - box.bottom });
  svgElement("circle", { id: "marker", r: 6 });
}

function moveMarker(f) {
  const x = xOf(data.iterations[f]), e = data.error[f], onAxis = e !== null && e > 0;
  setAttributes($("marker-rule"), { x1: x, x2: x });
  const place = { visibility: onAxis ? "visible" : "hidden", cx: x, cy: onAxis ? yOf(e) : 0 };
  setAttributes($("marker"), place);
}

// ---- The decision surface (canvas). A canvas is sized in CSS pixels and drawn at the
// screen's pixel density, so that it stays sharp on a projector.
function context2d(canvas, width, height) {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = width * ratio; canvas.height = height * ratio;
  canvas.style.width = `${width}px`; canvas.style.height = `${height}px`;
  const context = canvas.getContext("2d");
  context.scale(ratio, ratio);
  return context;
}
// The square is inset by PAD so that the training rows' circles on its corners show whole.
const SIDE = 220, PAD = 10;
const surface = context2d($("surface"), SIDE + 2 * PAD, SIDE + 2 * PAD);
$("legend").style.background = `linear-gradient(to right, ${VIRIDIS.join(", ")})`;

function drawSurface(f) {
  const grid = data.surface[f], cells = grid.length, size = SIDE / cells;
  const edge = (k) => PAD + Math.round(k * size); // whole pixels: no seams between cells
  surface.clearRect(0, 0, SIDE + 2 * PAD, SIDE + 2 * PAD);
  grid.forEach((row, i) => row.forEach((output, j) => { // x2 = grid[i] (bottom-up), x1 = grid[j]
    if (output === null) return; // an overflowed output: a hole, not a colour
    surface.fillStyle = shade(viridis, output);
    const top = edge(cells - 1 - i), left = edge(j);
    surface.fillRect(left, top, edge(j + 1) - left, edge(cells - i) - top);
  }));
  // The training rows sit on the corners, filled with their target's colour: a row the
  // network gets right disappears into its corner; a wrong one stands out.
  const centre = (x) => PAD + (x * (cells - 1) + 0.5) * size;
  data.inputs.forEach((row, n) => {
    surface.beginPath();
    surface.arc(centre(row[0]), SIDE + 2 * PAD - centre(row[1]), 8, 0, 2 * Math.PI);
    surface.fillStyle = shade(viridis, data.target[n]);
    surface.fill();
    surface.lineWidth = 2; surface.strokeStyle = "white"; surface.stroke();
  });
}

// ---- The prediction table: built once, its last three cells refilled each frame.
function buildTable() {
  const names = ["row", "x1", "x2", "x3"].slice(0, 1 + data.inputs[0].length);
  const head = names.concat(["target", "output", "|error|", ""]);
  $("table").tHead.innerHTML = `<tr>${head.map((h) => `<th>${h}</th>`).join("")}</tr>`;
  $("table").tBodies[0].innerHTML = data.inputs.map((row, n) =>
    `<tr><td>${n + 1}</td>${row.map((x) => `<td>${x}</td>`).join("")}<td>${data.target[n]}</td>` +
    "<td></td><td></td><td></td></tr>").join("");
  $("tolerance").textContent = `wrong: more than ${data.tolerance} from the target`;
}

function fillTable(f) {
  [...$("table").tBodies[0].rows].forEach((tr, n) => {
    const output = data.outputs[f][n], wrong = data.wrong[f].includes(n);
    const cells = tr.cells, k = cells.length;
    cells[k - 3].textContent = fmt(output);
    cells[k - 2].textContent = output === null ? "—" : fmt(Math.abs(output - data.target[n]));
    cells[k - 1].textContent = wrong ? "wrong" : "ok";
    cells[k - 2].classList.toggle("wrong", wrong);
    cells[k - 1].classList.toggle("wrong", wrong);
  });
}

// ---- The hidden layer (canvas): 4 rows x H units coloured on [0, top] as the page's heatmaps,
// values written in up to 8 units (more would not fit).
const LABEL = 44, ROW = 24, TOP = 16; // left labels, row height, top label (CSS pixels)
let layer = null, cell = 0; // the hidden layer's canvas context, its cell width
function sizeHidden() {
  const units = data.hidden[0][0].length;
  cell = Math.max(1, Math.min(56, (document.body.clientWidth - LABEL - 8) / units));
  layer = context2d($("hidden"), LABEL + cell * units, TOP + 4 * ROW);
  layer.font = "11px system-ui, sans-serif";
  layer.textAlign = "center"; layer.textBaseline = "middle";
}

function drawHidden(f) {
  const rows = data.hidden[f], units = rows[0].length, middle = (r) => TOP + (r + 0.5) * ROW;
  layer.clearRect(0, 0, LABEL + cell * units, TOP + 4 * ROW);
  rows.forEach((values, r) => values.forEach((v, u) => {
    const t = v === null ? 0 : v / data.hidden_top;
    layer.fillStyle = v === null ? "rgba(128,128,128,0.4)" : shade(blues, t);
    const gap = cell > 6 ? 1 : 0; // a line between units while they are wide enough
    layer.fillRect(LABEL + u * cell, TOP + r * ROW, cell - gap, ROW - 1);
    if (units <= 8 && v !== null) { // dark cells get white text, as on the page's heatmaps
      layer.fillStyle = t > 0.55 ? "white" : "black";
      layer.fillText(v.toFixed(2), LABEL + (u + 0.5) * cell, middle(r));
    }
  }));
  layer.fillStyle = getComputedStyle(document.body).color; // follows the theme
  for (let r = 0; r < 4; r++) layer.fillText(`row ${r + 1}`, LABEL / 2, middle(r));
  layer.fillText(`units 1–${units}`, LABEL + (cell * units) / 2, TOP / 2);
}

// ---- One frame, and the player.
function show(f) {
  state.frame = f;
  moveMarker(f);
  drawSurface(f);
  fillTable(f);
  if (layer) drawHidden(f);
  $("scrub").value = f;
  $("scrub").setAttribute("aria-valuetext", `iteration ${withCommas(data.iterations[f])}`);
  $("counter").textContent = `iteration ${withCommas(data.iterations[f])} · mean |error| ` +
    `${fmt(data.error[f])} · frame ${f + 1} of ${count}`;
  state.drawn += 1;
  document.body.dataset.drawn = state.drawn; // read by the browser test to count frames drawn
}

function setPlaying(on) {
  if (on && state.frame === count - 1) show(0); // Play at the end starts over
  state.playing = on && count > 1;
  $("play").textContent = state.playing ? "Pause" : "Play";
  $("play").setAttribute("aria-pressed", state.playing);
  if (state.playing) { state.due = performance.now(); requestAnimationFrame(tick); }
}

// Called at the screen's refresh rate; moves on a frame each 1/fps seconds. `due` advances by
// exactly one interval, so 15 fps stays 15 on a 60 Hz screen; a long stall resets it.
function tick(now) {
  if (!state.playing) return;
  const interval = 1000 / Number($("speed").value);
  if (now >= state.due) {
    state.due = now - state.due > interval ? now + interval : state.due + interval;
    if (state.frame + 1 < count) show(state.frame + 1);
    else if ($("loop").checked) show(0);
    else return setPlaying(false);
  }
  requestAnimationFrame(tick);
}

function listen() {
  $("play").addEventListener("click", () => setPlaying(!state.playing));
  $("scrub").addEventListener("input", (event) => show(Number(event.target.value)));
  // Space toggles, except where it already means something (a button, a list, a checkbox).
  document.addEventListener("keydown", (event) => {
    if (event.key !== " " || event.target.closest("button, select, input[type=checkbox]")) return;
    event.preventDefault();
    setPlaying(!state.playing);
  });
  window.addEventListener("resize", () => {
    if (layer) { sizeHidden(); drawHidden(state.frame); } // the heatmap spans the width
  });
  setInterval(applyTheme, 2000); // a theme switch in Streamlit's settings does not rerun us
}

function start() {
  applyTheme();
  $("scrub").max = count - 1;
  drawAxes();
  drawCurve();
  buildTable();
  if (data.hidden) {
    $("hidden-panel").hidden = false;
    $("hidden-title").textContent = `Hidden layer: 4 rows × ${data.hidden[0][0].length} units`;
    sizeHidden();
  }
  listen();
  show(0);
  // Play by itself, unless the reader asked the system for less motion.
  if (!window.matchMedia("(prefers-reduced-motion: reduce)").matches) setPlaying(true);
}

start();
