// The "Use your own pages" page: picked, or dropped, files are read by the worker (the reader in
// wasm, loaded only here), the problems are listed by file and line, and a site without errors is
// kept in this browser for the app beside it (store.js) until "Back to the built-in pages".
import { clearSite, loadSite, saveSite } from "./store.js";

// The theme the app's toggle chose, if any (else the system's, as the stylesheet says).
try {
  const theme = localStorage.getItem("gradeladder.theme");
  if (theme === "light" || theme === "dark") document.documentElement.style.colorScheme = theme;
} catch {}

/** The app this page belongs to: the folder above `import/`. */
const root = new URL("../", document.baseURI).href;
const $ = (id) => document.getElementById(id);

let picked = [];

// The reader is loaded with the page, before any file is picked, so reading them makes no request.
const worker = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
let onResult = null;
const readerReady = new Promise((resolve) => {
  worker.onmessage = ({ data }) => {
    if (data.ready) {
      resolve(true);
    } else if (data.progress !== undefined) {
      $("progress").value = data.progress;
      $("progress-text").textContent = `Read ${data.progress} of ${data.total} file(s)…`;
    } else if (onResult) {
      onResult(data);
    } else if (data.failed) {
      $("progress-text").textContent = `The reader could not start: ${data.failed}.`;
      resolve(false);
    }
  };
  worker.onerror = (error) => {
    const message = error.message || "the reader could not start";
    if (onResult) {
      onResult({ failed: message });
    } else {
      $("progress-text").textContent = `The reader could not start: ${message}.`;
      resolve(false);
    }
  };
});
readerReady.then((ready) => {
  $("read").disabled = !ready;
  document.body.dataset.reader = ready ? "ready" : "failed";
});

/** `{ path, file }` for each picked file, with its path inside the picked folder. */
function fromInput(input) {
  return Array.from(input.files, (file) => ({ path: file.webkitRelativePath || file.name, file }));
}

/** Every file under the dropped items (folders walked), with its path. */
async function fromDrop(items) {
  const entries = Array.from(items, (item) => item.webkitGetAsEntry && item.webkitGetAsEntry()).filter(Boolean);
  const files = [];
  async function walk(entry) {
    if (entry.isFile) {
      const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
      files.push({ path: entry.fullPath.replace(/^\//, ""), file });
    } else if (entry.isDirectory) {
      const reader = entry.createReader();
      for (;;) {
        const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child);
      }
    }
  }
  for (const entry of entries) await walk(entry);
  return files;
}

function pick(files, folderName) {
  picked = files;
  if (folderName && $("title").value === "My pages") {
    $("title").value = folderName;
  }
  $("picked").textContent = files.length === 0 ? "The folder is empty." : `${files.length} file(s) picked.`;
}

async function showNow() {
  let kept = null;
  try {
    kept = await loadSite(root);
  } catch (error) {
    console.warn("Gradeladder: cannot read what this browser keeps:", error);
  }
  $("download").hidden = !kept;
  $("reset").hidden = !kept;
  $("now").textContent = kept
    ? `Your pages: “${kept.about.title}”, ${kept.about.levels} role(s) in ${kept.about.families} job family(ies), read on ${new Date(kept.about.importedAt).toLocaleString()}.`
    : "Its built-in pages.";
  return kept;
}

function download(bytes) {
  const url = URL.createObjectURL(new Blob([bytes], { type: "application/octet-stream" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = "data.bin";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function where(problem) {
  return problem.file ? `${problem.file}:${problem.line}:${problem.column}` : "";
}

function showReport(report, kept) {
  $("result").hidden = false;
  $("summary").textContent =
    (report.problem ? `${report.problem} ` : `Read ${report.pages} page(s): ${report.levels} role(s) in ${report.families} job family(ies). The app shows them now. `) +
    `${report.errors} error(s), ${report.warnings} warning(s).`;
  $("summary").className = report.problem ? "error" : "";
  $("open").hidden = !kept;
  const rows = $("problems").querySelector("tbody");
  rows.replaceChildren();
  for (const problem of report.diagnostics) {
    const row = document.createElement("tr");
    const cells = [problem.severity, where(problem), `${problem.message} (${problem.code})`, problem.excerpt];
    cells.forEach((text, i) => {
      const cell = document.createElement("td");
      if (i === 0) cell.className = problem.severity;
      if (i === 3 && text) {
        const code = document.createElement("code");
        code.textContent = text;
        cell.append(code);
      } else {
        cell.textContent = text;
      }
      row.append(cell);
    });
    rows.append(row);
  }
  $("problems").hidden = report.diagnostics.length === 0;
}

async function read(event) {
  event.preventDefault();
  if (picked.length === 0) {
    $("picked").textContent = "Pick a folder or files first.";
    return;
  }
  const payFile = $("pay").files[0];
  const pay = payFile ? { name: payFile.name, text: await payFile.text() } : null;
  const title = $("title").value.trim() || "My pages";
  $("read").disabled = true;
  $("progress").hidden = false;
  $("progress").max = picked.length;
  $("progress").value = 0;
  $("progress-text").textContent = `Reading ${picked.length} file(s)…`;
  const finished = new Promise((resolve) => {
    onResult = resolve;
  });
  worker.postMessage({ files: picked, pay, title });
  const result = await finished;
  onResult = null;
  $("read").disabled = false;
  $("progress").hidden = true;
  if (result.failed) {
    $("progress-text").textContent = `The pages could not be read: ${result.failed}. Nothing was changed.`;
    return;
  }
  $("progress-text").textContent = "";
  let kept = false;
  if (result.data) {
    const bytes = new Uint8Array(result.data);
    const about = { title, levels: result.report.levels, families: result.report.families, importedAt: new Date().toISOString() };
    try {
      await saveSite(root, bytes, about);
      kept = true;
    } catch (error) {
      result.report.problem = `This browser would not keep the pages (${error}); nothing was changed.`;
    }
  }
  showReport(result.report, kept);
  await showNow();
  // What was read is the answer to the button just pressed: it is where the reader goes next.
  $("result-heading").tabIndex = -1;
  $("result-heading").focus();
}

$("folder").addEventListener("change", () => {
  const files = fromInput($("folder"));
  pick(files, files[0] && files[0].path.includes("/") ? files[0].path.split("/")[0] : null);
});
$("files").addEventListener("change", () => pick(fromInput($("files")), null));
$("import").addEventListener("submit", read);
const drop = $("drop");
drop.addEventListener("dragover", (event) => {
  event.preventDefault();
  drop.classList.add("over");
});
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", async (event) => {
  event.preventDefault();
  drop.classList.remove("over");
  const files = await fromDrop(event.dataTransfer.items);
  pick(files, files[0] && files[0].path.includes("/") ? files[0].path.split("/")[0] : null);
  if (files.length > 0) {
    $("import").requestSubmit();
  }
});
$("reset").addEventListener("click", async () => {
  await clearSite(root);
  await showNow();
  $("result").hidden = true;
});
$("download").addEventListener("click", async () => {
  const kept = await loadSite(root);
  if (kept) download(kept.bytes);
});
showNow();
