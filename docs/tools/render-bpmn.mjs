// Renders bpmn/*.bpmn to docs/diagrams/<process>.png with bpmn-js in headless Chromium, as the Modeler draws them.
// Usage (from the repository root): npm install --prefix /tmp/render bpmn-js playwright-core
//   node docs/tools/render-bpmn.mjs [/tmp/render] [file.bpmn ...]
import { createRequire } from "module";
import fs from "fs";
import path from "path";

const modules = process.argv[2] && !process.argv[2].endsWith(".bpmn") ? process.argv[2] : "/tmp/render";
const files = process.argv.slice(2).filter(a => a.endsWith(".bpmn"));
const require = createRequire(path.join(path.resolve(modules), "node_modules", "x.js"));
const { chromium } = require("playwright-core");
const bpmnJs = path.join(path.dirname(require.resolve("bpmn-js/package.json")), "dist");

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium" });
const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
await page.setContent(`<html><head>
  <link rel="stylesheet" href="file://${bpmnJs}/assets/bpmn-js.css">
  <style>html,body{margin:0;background:#fff}#canvas{width:100vw;height:100vh}</style></head>
  <body><div id="canvas"></div></body></html>`);
await page.addScriptTag({ path: path.join(bpmnJs, "bpmn-viewer.development.js") });
fs.mkdirSync("docs/diagrams", { recursive: true });
const targets = files.length ? files : fs.readdirSync("bpmn").filter(f => f.endsWith(".bpmn")).map(f => "bpmn/" + f);
for (const file of targets) {
  const xml = fs.readFileSync(file, "utf8");
  // one picture per plane: the process, then each collapsed sub-process drawn on a plane of its own
  const planes = await page.evaluate(async xml => {
    window.viewer && window.viewer.destroy();
    window.viewer = new BpmnJS({ container: "#canvas" });
    const { warnings } = await window.viewer.importXML(xml);
    const roots = window.viewer.get("canvas").getRootElements().map(r => r.id);
    return { roots, warnings: warnings.map(w => w.message) };
  }, xml);
  if (planes.warnings.length) console.log(file, "warnings:", planes.warnings);
  const name = path.basename(file, ".bpmn");
  for (const [i, root] of planes.roots.entries()) {
    const box = await page.evaluate(root => {
      const canvas = window.viewer.get("canvas");
      canvas.setRootElement(canvas.findRoot(root));
      const b = canvas.getActiveLayer().getBBox();
      return { x: b.x, y: b.y, width: b.width, height: b.height };
    }, root);
    const width = Math.ceil(box.width + 40), height = Math.ceil(box.height + 40);
    await page.setViewportSize({ width, height });
    await page.evaluate(({ box }) => {
      const canvas = window.viewer.get("canvas");
      canvas.viewbox({ x: box.x - 20, y: box.y - 20, width: box.width + 40, height: box.height + 40 });
    }, { box });
    const out = `docs/diagrams/${name}${i ? "-" + root.replace(/_plane$/, "") : ""}.png`;
    await page.screenshot({ path: out });
    console.log(out, width + "x" + height);
  }
}
await browser.close();
