/* Measures built journal pages as a browser shows them (read by tests/browser/runner.py).

   The harness page sets PROBE = {theme} and holds one iframe per page and width (an iframe
   is its own viewport: media queries and scrolling as on a phone); each page is switched
   to furo's light or dark theme and measured from computed styles. The results
   go, as JSON, into <pre id="journal-probe">, which `chromium --dump-dom` prints. */
"use strict";

const canvas = document.createElement("canvas");
canvas.width = canvas.height = 1;
const ctx = canvas.getContext("2d", { willReadFrequently: true });

/* Any CSS colour (rgb(), color(srgb …) from color-mix(), names) as [r, g, b, alpha]. */
function rgba(css) {
  ctx.clearRect(0, 0, 1, 1);
  ctx.fillStyle = "rgba(0, 0, 0, 0)";
  ctx.fillStyle = css;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

function over(top, bottom) {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat([1]);
}

function luminance([r, g, b]) {
  const lin = (c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/* The opaque colour behind an element: its and its ancestors' backgrounds, blended. */
function backdrop(win, element) {
  const layers = [];
  for (let node = element; node; node = node.parentElement) {
    const colour = rgba(win.getComputedStyle(node).backgroundColor);
    if (colour[3] > 0) layers.push(colour);
    if (colour[3] >= 1) break;
  }
  let result = [255, 255, 255, 1];
  for (const layer of layers.reverse()) result = over(layer, result);
  return result;
}

function opacity(win, element) {
  let value = 1;
  for (let node = element; node; node = node.parentElement) {
    value *= parseFloat(win.getComputedStyle(node).opacity);
  }
  return value;
}

function hex(colour) {
  return "#" + colour.slice(0, 3).map((c) => Math.round(c).toString(16).padStart(2, "0")).join("");
}

/* Every element of the journal's markup (a journal-* class, or inside one) that shows text. */
function journalTextElements(doc) {
  const roots = doc.querySelectorAll('[class*="journal-"]');
  const found = new Set();
  for (const root of roots) {
    for (const element of [root, ...root.querySelectorAll("*")]) {
      for (const child of element.childNodes) {
        if (child.nodeType === Node.TEXT_NODE && child.textContent.trim()) {
          found.add(element);
          break;
        }
      }
    }
  }
  return [...found];
}

function shownText(win, element) {
  const style = win.getComputedStyle(element);
  if (style.visibility !== "visible" || element.getClientRects().length === 0) return null;
  const range = element.ownerDocument.createRange();
  for (const child of element.childNodes) {
    if (child.nodeType !== Node.TEXT_NODE || !child.textContent.trim()) continue;
    range.selectNodeContents(child);
    const box = range.getBoundingClientRect();
    if (box.width > 0 && box.height > 0) return child.textContent.trim();
  }
  return null;
}

function measureContrast(win, doc, into) {
  for (const element of journalTextElements(doc)) {
    const text = shownText(win, element);
    if (text === null) continue;
    const bg = backdrop(win, element);
    const fg = rgba(win.getComputedStyle(element).color);
    fg[3] *= opacity(win, element);
    const ratio = contrast(over(fg, bg), bg);
    const key = `${element.tagName.toLowerCase()}.${[...element.classList].join(".")}`;
    into.push({ ratio, text: text.slice(0, 60), where: key, fg: hex(over(fg, bg)), bg: hex(bg) });
  }
}

function boxOfText(element) {
  const range = element.ownerDocument.createRange();
  range.selectNodeContents(element);
  return range.getBoundingClientRect();
}

function inside(inner, outer, slack = 0.5) {
  return (
    inner.left >= outer.left - slack &&
    inner.right <= outer.right + slack &&
    inner.top >= outer.top - slack &&
    inner.bottom <= outer.bottom + slack
  );
}

function measureCalendar(win, doc) {
  const calendar = doc.querySelector(".journal-calendar");
  if (!calendar) return null;
  const page = backdrop(win, calendar);
  const levels = [];
  for (let level = 0; level <= 4; level += 1) {
    const cell = calendar.querySelector(`.journal-calendar-grid .journal-level-${level}`) ||
      calendar.querySelector(`.journal-calendar-legend .journal-level-${level}`);
    if (!cell) { levels.push(null); continue; }
    const colour = over(rgba(win.getComputedStyle(cell).backgroundColor), page);
    levels.push({ colour: hex(colour), contrast: contrast(colour, page) });
  }
  const months = [];
  for (const label of calendar.querySelectorAll(".journal-calendar-month")) {
    const text = label.textContent.trim();
    if (!text) continue;
    const box = boxOfText(label);
    const scroller = label.closest(".journal-calendar-scroll").getBoundingClientRect();
    const state = inside(box, scroller) ? "shown" :
      box.right <= scroller.left || box.left >= scroller.right ? "scrolled away" : "cut";
    months.push({ text, state, year: label.closest("[data-year]").dataset.year });
  }
  const weekdays = [...calendar.querySelectorAll(".journal-calendar-weekdays span")]
    .map((span) => span.textContent.trim()).filter(Boolean);
  const legend = calendar.querySelector(".journal-calendar-legend");
  const dates = [...calendar.querySelectorAll(".journal-calendar-grid [data-date]")]
    .map((cell) => cell.dataset.date);
  const posted = [...calendar.querySelectorAll(".journal-calendar-grid a[data-date]")]
    .sort((a, b) => (a.dataset.date < b.dataset.date ? -1 : 1));
  let newest = null;
  if (posted.length) {
    const cell = posted[posted.length - 1];
    const box = cell.getBoundingClientRect();
    const scroller = cell.closest(".journal-calendar-scroll").getBoundingClientRect();
    newest = {
      date: cell.dataset.date,
      inScroller: inside(box, scroller),
      inViewport: box.left >= 0 && box.right <= win.innerWidth,
    };
  }
  return {
    levels,
    months,
    weekdays,
    legend: legend ? { cells: legend.querySelectorAll(".journal-day").length, text: legend.textContent.trim() } : null,
    dates,
    newest,
  };
}

function measurePage(win, doc, job, theme) {
  const body = doc.body;
  const brand = rgba(win.getComputedStyle(body).getPropertyValue("--color-brand-primary").trim() || "transparent");
  const fill = doc.querySelector(".journal-progress-fill");
  const texts = [];
  // every view of a tab set and every folded table is measured, not only the one shown
  for (const details of doc.querySelectorAll("details")) details.open = true;
  const tabs = [...doc.querySelectorAll(".sd-tab-set > input")];
  const tabHeights = [];
  if (tabs.length) {
    for (const tab of tabs) {
      tab.checked = true;
      measureContrast(win, doc, texts);
      tabHeights.push(doc.documentElement.scrollHeight);
    }
    tabs[0].checked = true;
  } else {
    measureContrast(win, doc, texts);
  }
  const weekSelectors = [
    ".journal-week-link", ".journal-week-label", ".journal-chart-label", ".journal-week-span",
    "#by-week .journal-group", ".journal-week-nav",
  ];
  const weekWords = [...doc.querySelectorAll(weekSelectors.join(","))].map((e) => e.textContent.trim());
  for (const bar of doc.querySelectorAll(".journal-progress-chart [role=progressbar]")) {
    weekWords.push(bar.getAttribute("aria-label"), bar.getAttribute("aria-valuetext"));
  }
  const main = doc.querySelector("article[role=main]") || body;
  const paragraph = main.querySelector("p");
  const worst = texts.slice().sort((a, b) => a.ratio - b.ratio);
  return {
    page: job.page,
    width: job.width,
    theme,
    dataTheme: body.dataset.theme,
    lang: doc.documentElement.lang,
    height: Math.max(doc.documentElement.scrollHeight, ...tabHeights),
    tabHeights,
    bodyBackground: hex(backdrop(win, body)),
    brand: brand[3] ? hex(brand) : null,
    fill: fill ? hex(over(rgba(win.getComputedStyle(fill).backgroundColor), backdrop(win, fill.parentElement))) : null,
    texts: texts.length,
    minContrast: worst.length ? worst[0].ratio : null,
    worst: worst.filter((t) => t.ratio < 4.5).slice(0, 12).concat(worst.length ? [worst[0]] : []),
    calendar: measureCalendar(win, doc),
    wordBreak: paragraph ? win.getComputedStyle(paragraph).wordBreak : null,
    mainText: main.innerText,
    weekWords,
  };
}

/* Every page is an iframe of the harness, so the harness's load event waits for all of
   them; measuring is synchronous from there (computed styles follow a theme switch at
   once), so nothing depends on how long the browser idles before it prints the DOM. */
function run() {
  const results = [];
  for (const frame of document.querySelectorAll("iframe[data-width]")) {
    const job = { page: frame.getAttribute("src"), width: Number(frame.dataset.width) };
    try {
      const win = frame.contentWindow;
      const doc = frame.contentDocument;
      doc.body.dataset.theme = PROBE.theme;
      results.push(measurePage(win, doc, job, PROBE.theme));
    } catch (error) {
      results.push({ ...job, error: String((error && error.stack) || error) });
    }
  }
  const out = document.createElement("pre");
  out.id = "journal-probe";
  out.textContent = JSON.stringify(results);
  document.body.append(out);
  for (const frame of document.querySelectorAll("iframe[data-width]")) frame.remove();
}

window.addEventListener("load", run);
