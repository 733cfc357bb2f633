// Reads a company's pages off the main thread with the reader compiled to wasm (loaded only
// here, when the import page opens). Says { ready: true } once the reader is loaded.
// In: { files: [{ path, file: File }], pay: { name, text } | null, title }.
// Out: { progress: done, total } after each file, then { report, data: ArrayBuffer | null }, or
// { failed: message }. The files are read here, from the disk: reading makes no request.
import init, { Reader, wants_bytes } from "./gradeladder-import.js";

const ready = init();
ready.then(
  () => self.postMessage({ ready: true }),
  (error) => self.postMessage({ failed: `the reader did not load (${error})` }),
);

self.onmessage = async ({ data: { files, pay, title } }) => {
  try {
    await ready;
    const reader = new Reader();
    let done = 0;
    for (const { path, file } of files) {
      const bytes = wants_bytes(path, file.size) ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
      reader.add(path, bytes, file.size);
      done += 1;
      self.postMessage({ progress: done, total: files.length });
    }
    const imported = reader.finish(title, pay ? pay.name : undefined, pay ? pay.text : undefined);
    const report = JSON.parse(imported.report());
    const bytes = imported.data();
    imported.free();
    const data = bytes ? bytes.buffer : null;
    self.postMessage({ report, data }, data ? [data] : []);
  } catch (error) {
    self.postMessage({ failed: String(error && error.message ? error.message : error) });
  }
};
