import { launchBrowser } from './src/export/launch.js';
const [url, out, w, h] = process.argv.slice(2);
const launched = await launchBrowser();
const page = await launched.browser.newPage();
await page.setViewport({ width: Number(w ?? 1000), height: Number(h ?? 300) });
await page.goto(url!, { waitUntil: 'load' });
await page.evaluate(() => document.fonts.ready);
await page.screenshot({ path: out as `${string}.png`, fullPage: true });
await launched.close();
