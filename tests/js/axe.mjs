// axe-core über puppeteer-core gegen Debians Chromium: prüft jede .html-Datei eines Ordners
// (rekursiv) in einer Browsersitzung, von file:// geladen, und gibt JSON aus:
// {"seiten": N, "verstoesse": [{"seite", "regel", "wirkung", "hilfe", "ziele": [...]}]}
// Aufruf: node tests/js/axe.mjs ORDNER [CHROMIUM]
import { createRequire } from "node:module";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const puppeteer = require("puppeteer-core");
const axeQuelle = require("fs").readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const ordner = resolve(process.argv[2]);
const chromium = process.argv[3] || "/usr/bin/chromium";

function seiten(dir) {
  const ergebnis = [];
  for (const name of readdirSync(dir).sort()) {
    const pfad = join(dir, name);
    if (statSync(pfad).isDirectory()) ergebnis.push(...seiten(pfad));
    else if (name.endsWith(".html")) ergebnis.push(pfad);
  }
  return ergebnis;
}

const profil = mkdtempSync(join(tmpdir(), "axe-chromium-"));
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    `--user-data-dir=${profil}`,
  ],
});
const verstoesse = [];
const liste = seiten(ordner);
try {
  const page = await browser.newPage();
  for (const datei of liste) {
    await page.goto(pathToFileURL(datei).href, { waitUntil: "load" });
    await page.evaluate(axeQuelle);
    const ergebnis = await page.evaluate(async () =>
      // eslint-disable-next-line no-undef
      await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
    );
    for (const v of ergebnis.violations) {
      verstoesse.push({
        seite: relative(ordner, datei),
        regel: v.id,
        wirkung: v.impact,
        hilfe: v.help,
        ziele: v.nodes.map((n) => n.target.join(" ")),
      });
    }
  }
} finally {
  await browser.close();
  rmSync(profil, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify({ seiten: liste.length, verstoesse }, null, 1) + "\n");
