// No camera API, as in an app's webview (LinkedIn's in-app browser on an iPhone, with
// getUserMedia missing): the device check says to open the link in a browser, shows the link
// to select, copies it, and draws its QR code for another device; the code decodes (jsQR,
// from the SVG's modules) to the page's own address. On a desktop in English and a phone in
// Arabic, checked with axe and photographed.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import { startServer } from '../support/server.mjs';
import { launchChromium, newPage } from '../support/browser.mjs';
import { seriousViolations } from '../support/axe.mjs';
import { part } from '../support/flow.mjs';
import { word } from '../support/words.mjs';
import { VARIANTS } from '../support/variants.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const shots = join(here, '../../target/e2e/screenshots/in-app');
const LINKEDIN = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]';
const cleanup = [];
after(async () => { for (const stop of cleanup) await stop(); });

/** What the QR code drawn as `d` (runs of dark modules, `M x y h n v1 h-n z`) in a `size`
 * grid says, read by jsQR from an image of it (4 px a module, a 4-module quiet zone). */
function decode(d, size) {
  const scale = 4;
  const side = (size + 8) * scale;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (const [, x, y, run] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let dx = 0; dx < Number(run) * scale; dx += 1) {
      for (let dy = 0; dy < scale; dy += 1) {
        const px = (Number(x) + 4) * scale + dx;
        const py = (Number(y) + 4) * scale + dy;
        rgba.fill(0, (py * side + px) * 4, (py * side + px) * 4 + 3);
      }
    }
  }
  return jsQR(rgba, side, side)?.data;
}

test('an in-app browser without a camera API gets the link to open elsewhere, to copy and as a QR code', { timeout: 120_000 }, async () => {
  const server = await startServer();
  const browser = await launchChromium();
  cleanup.push(() => browser.close(), () => server.stop());
  for (const variant of VARIANTS) {
    const context = await browser.newContext({ userAgent: LINKEDIN, viewport: variant.viewport });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await newPage(context);
    await page.addInitScript(() => { delete Navigator.prototype.mediaDevices; });
    const link = `${server.invite()}?lang=${variant.lang}`;
    await page.goto(link);
    await part(page, 'start').click();
    const help = part(page, 'help');
    await help.waitFor({ timeout: 20_000 });
    assert.ok((await help.textContent()).includes(word(variant.lang, 'help-in-app')));
    assert.equal(await part(page, 'invite-link').inputValue(), link);

    const svg = part(page, 'qr');
    const d = await svg.locator('path').getAttribute('d');
    const size = Number((await svg.getAttribute('viewBox')).split(' ')[2]) - 8;
    assert.equal(decode(d, size), link, 'the QR code is the page\'s link');
    assert.equal(await svg.getAttribute('aria-label'), word(variant.lang, 'qr-label'));

    await part(page, 'copy-link').click();
    await page.locator('[part~="copy-status"]', { hasText: word(variant.lang, 'link-copied') }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);

    assert.deepEqual(await seriousViolations(page), [], `accessible in ${variant.lang}`);
    mkdirSync(join(shots, variant.name), { recursive: true });
    await page.screenshot({ path: join(shots, variant.name, 'in-app.png'), fullPage: true });
    await context.close();
  }
});
