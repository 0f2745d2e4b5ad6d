import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
const dom = new JSDOM('<!DOCTYPE html><body></body>', { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
for (const k of ['Element','HTMLElement','SVGElement','Node','DOMParser','navigator','MutationObserver']) {
  if (!(k in globalThis)) { try { globalThis[k] = dom.window[k]; } catch (e) {} }
}
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });
let failed = 0;
for (const f of process.argv.slice(2)) {
  const text = readFileSync(f, 'utf8');
  try {
    const r = await mermaid.parse(text);
    console.log(JSON.stringify({ file: f, ok: true, type: r.diagramType }));
  } catch (e) {
    failed++;
    console.log(JSON.stringify({ file: f, ok: false, error: String(e.message || e).split('\n').slice(0, 6).join(' | ') }));
  }
}
process.exit(failed ? 1 : 0);
