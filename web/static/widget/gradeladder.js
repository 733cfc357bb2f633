// Gradeladder widget loader. One script tag (type="module") and any number of
// <div data-gradeladder data-role="family/level" data-view="card|ladder|pay|full|posting"></div>.
// A widget shows the roles in the data file beside this script (data.bin; for a role given as
// family/level, that family's file data/<family>.bin), or in the one its data-src names
// (relative to the page), so one script serves many catalogs.
// Each element gets its own shadow root. Nothing global but `window.Gradeladder`.
// Put the tag in <head> with blocking="render": the page then paints with every widget's space
// already kept (this file is small, the wasm loads after), so nothing on it jumps when they mount.

// Three modules, each the widget with more views: the card alone (the default view, and most
// career pages show nothing else), the card with the ladder, pay and full views, and those with
// the posting view. An element loads the smallest module that has its view. Each module loads
// once, when the page first has an element that needs it, its wasm and glue side by side (the
// glue alone would ask for the wasm only once it had loaded itself): only this file holds the
// first paint.
const modules = new Map();

/** The modules, smallest first. */
const MODULES = ["gradeladder-card", "gradeladder-widget", "gradeladder-posting"];

/** The module a view is served by. */
function moduleName(view) {
  if (view === "posting") {
    return "gradeladder-posting";
  }
  return ["ladder", "pay", "full"].includes(view) ? "gradeladder-widget" : "gradeladder-card";
}

/** Resolves to the `mount` function of the module serving `view`. */
function ready(view) {
  const name = moduleName(view);
  if (!modules.has(name)) {
    // A module starts once the smaller ones the page asked for first are in, so the first
    // widgets paint without sharing the connection and the processor with the larger modules.
    const smaller = MODULES.slice(0, MODULES.indexOf(name)).filter((other) => modules.has(other));
    const after = Promise.all(smaller.map((other) => modules.get(other).catch(() => {})));
    modules.set(
      name,
      after.then(() => {
        const wasm = fetch(new URL(`${name}_bg.wasm`, import.meta.url));
        wasm.catch(() => {}); // a failed download is reported where the glue awaits it
        return import(`./${name}.js`).then(async (glue) => {
          await glue.default({ module_or_path: wasm });
          return glue.mount;
        });
      }),
    );
  }
  return modules.get(name);
}
const mounted = new WeakMap();

// Each data file's bytes, by address, asked for once however many widgets show it. A failed
// download is forgotten, so the next widget asks again.
const dataFiles = new Map();

/** Resolves to `{ url, bytes }` of the data file at `url`. */
function dataFile(url) {
  if (!dataFiles.has(url)) {
    const bytes = fetch(url)
      .then((response) => {
        if (!response.ok) {
          throw new Error(`its data file (${url}) could not be loaded: the server answered ${response.status}`);
        }
        return response.arrayBuffer();
      }, () => {
        throw new Error(`its data file (${url}) could not be downloaded: the connection failed or the address is blocked`);
      })
      .then((buffer) => new Uint8Array(buffer));
    bytes.catch(() => dataFiles.delete(url));
    dataFiles.set(url, bytes);
  }
  return dataFiles.get(url).then((bytes) => ({ url, bytes }));
}

/** The family slug a `family/level` role names, else null (a level alone, or search words). */
function familyOf(role) {
  const match = /^([a-z0-9][a-z0-9-]*)\/[^/\s]+$/.exec((role || "").trim());
  return match ? match[1] : null;
}

/** Resolves to `{ url, bytes }` of the data a widget with `options` shows: the file its
 *  `dataSrc` names (relative to the page); else, when its role names a family, that family's
 *  file beside this script (`data/<family>.bin`, a fraction of a large catalog); else, or when
 *  there is no such file, the whole site's (`data.bin`). */
function siteData(options) {
  if (options.dataSrc) {
    return dataFile(new URL(options.dataSrc, document.baseURI).href);
  }
  const whole = () => dataFile(new URL("data.bin", import.meta.url).href);
  const family = familyOf(options.role);
  return family ? dataFile(new URL(`data/${family}.bin`, import.meta.url).href).catch(whole) : whole();
}

/** Says in the widget's space why it cannot show (the host's own content inside it shows too). */
function fail(element, error) {
  console.error("Gradeladder:", error);
  const root = element.shadowRoot || element.attachShadow({ mode: "open" });
  const message = document.createElement("p");
  message.setAttribute("role", "status");
  message.textContent = `Job grade details could not be loaded: ${String(error && error.message ? error.message : error).replace(/^Error: /, "")}.`;
  root.replaceChildren(message, document.createElement("slot"));
}

// The height each view takes once mounted (measured on the seed roles, in the widget's own width),
// kept free before the data has arrived.
const RESERVE = `
  :host { display: block; container-type: inline-size; }
  .reserve { box-sizing: border-box; border: 1px solid color-mix(in srgb, currentColor 20%, transparent);
             border-radius: 10px; padding: 1rem 1.1rem; font: 0.9rem system-ui, sans-serif; color: inherit; }
  .card { min-height: 148px; } .ladder { min-height: 320px; } .pay { min-height: 922px; } .full { min-height: 2200px; } .posting { min-height: 2150px; }
  @container (max-width: 560px) {
    .card { min-height: 172px; } .ladder { min-height: 330px; } .pay { min-height: 1290px; } .full { min-height: 3900px; } .posting { min-height: 4400px; }
  }`;

/** Keeps an element's space for its view until the widget mounts there (once per element). */
function reserve(element) {
  if (element.shadowRoot || mounted.has(element)) {
    return;
  }
  const view = ["card", "ladder", "pay", "full", "posting"].includes(element.dataset.view) ? element.dataset.view : "card";
  const root = element.attachShadow({ mode: "open" });
  // Marked so the widget removes them itself, in the task that draws it in their place.
  root.innerHTML = `<style data-gl-reserve>${RESERVE}</style><div class="reserve ${view}" data-gl-reserve aria-busy="true">Loading job grade…</div>`;
}

/** Options from an element's data attributes. */
function optionsFrom(element) {
  const d = element.dataset;
  return {
    role: d.role, view: d.view, theme: d.theme, location: d.location, currency: d.currency, common: d.common,
    baseUrl: d.baseUrl, dataSrc: d.src, embedded: d.embedded !== undefined,
  };
}

// Widgets mount one per frame, in the order they are ready: the first paints without waiting for
// the others to render (a full view takes longer than a card).
let mountQueue = Promise.resolve();

/** Resolves after the next frame has been drawn (or after 100 ms in a background tab). */
function nextFrame() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}

/** Runs `mountOne` once the widgets queued before it have mounted and a frame has followed. */
function inTurn(mountOne) {
  const result = mountQueue.then(mountOne);
  mountQueue = result.then(nextFrame, nextFrame);
  return result;
}

/** Mounts a widget in `element`; resolves to a handle with `update(options)` and `unmount()`.
 *  `options.dataSrc` names another data file (relative to the page). */
async function mount(element, options) {
  options = options || optionsFrom(element);
  const data = siteData(options);
  const mountWidget = await ready(options.view);
  const existing = mounted.get(element);
  if (existing) {
    await existing.update(options);
    return existing;
  }
  const { url, bytes } = await data;
  let widget = await inTurn(() => mountWidget(element, options, url, bytes));
  let module = moduleName(options.view);
  const handle = Object.freeze({
    async update(next) {
      const { url, bytes } = await siteData(next);
      if (moduleName(next.view) === module) {
        widget.update(next, url, bytes);
        return;
      }
      // Another module serves the new view: the widget is drawn anew by that one, in place.
      const mountOther = await ready(next.view);
      widget.unmount();
      widget.free();
      try {
        widget = mountOther(element, next, url, bytes);
      } catch (error) {
        mounted.delete(element);
        fail(element, error);
        throw error;
      }
      module = moduleName(next.view);
    },
    unmount() {
      mounted.delete(element);
      widget.unmount();
      widget.free();
    },
  });
  mounted.set(element, handle);
  return handle;
}

/** Says in every widget element of a module that did not load why (content the host put inside
 *  an element, such as a link to the role, is left as it is). */
function failed(view, error) {
  console.error("Gradeladder: the widget could not load:", error);
  for (const element of document.querySelectorAll("[data-gradeladder]")) {
    if (moduleName(element.dataset.view) !== moduleName(view) || mounted.has(element)) {
      continue;
    }
    if (!element.hasChildNodes()) {
      element.textContent = "Job grade details could not be loaded.";
    }
    if (element.shadowRoot) {
      // The space kept for the widget now says what happened; the host's own content shows.
      element.shadowRoot.innerHTML = "<slot></slot>";
    }
  }
}

/** Starts every module and data file the elements under `root` need, and mounts them. */
function start(root) {
  const elements = [...root.querySelectorAll("[data-gradeladder]")];
  // The smallest module's views first, so it is asked for first.
  const rank = (element) => MODULES.indexOf(moduleName(element.dataset.view));
  elements.sort((a, b) => rank(a) - rank(b));
  for (const element of elements) {
    if (mounted.has(element) || element.shadowRoot) {
      continue;
    }
    reserve(element);
    // Downloaded while the wasm is, not after it.
    siteData(optionsFrom(element)).catch(() => {});
    const view = element.dataset.view;
    ready(view).then(
      () => mount(element).catch((error) => fail(element, error)),
      (error) => failed(view, error),
    );
  }
}

/** Mounts every `[data-gradeladder]` element under `root` that has no widget yet. */
function scan(root = document) {
  start(root);
}

window.Gradeladder = Object.freeze({ mount, scan });

start(document);
new MutationObserver(() => start(document)).observe(document.documentElement, { childList: true, subtree: true });
