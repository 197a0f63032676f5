// Officer case pages in the browser (TAP): the queue, a case page (due
// date, legal basis, axe-core WCAG A/AA), one transition with JavaScript
// and the next one with JavaScript disabled (plain HTML forms).
import { chromium } from "playwright-core";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";

const base = process.env.BASE_URL;
const shots = process.env.SHOT_DIR || "build/browser";
const profileRoot = process.env.PROFILE_DIR || mkdtempSync("/tmp/wasdal-chromium-");
const user = process.env.KASUS_USER;
const password = process.env.KASUS_PASSWORD;

let n = 0, failed = 0;
function ok(cond, what, detail) {
	n++;
	if (cond) console.log(`ok ${n} - ${what}`);
	else { failed++; console.log(`not ok ${n} - ${what}`); if (detail) console.log(`#   ${detail}`); }
}

const axePath = new URL("./node_modules/axe-core/axe.min.js", import.meta.url);
const axeSource = existsSync(axePath) ? readFileSync(axePath, "utf8") : null;
const args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync"];

async function launch(name, javaScriptEnabled) {
	return chromium.launchPersistentContext(join(profileRoot, name), {
		executablePath: "/usr/bin/chromium", headless: true, args, javaScriptEnabled,
		viewport: { width: 1280, height: 900 },
	});
}

async function axe(page, where) {
	if (!axeSource) {
		n++; console.log(`ok ${n} - ${where}: axe-core # SKIP axe-core not installed`);
		return;
	}
	await page.evaluate(axeSource);
	const v = await page.evaluate(async () => {
		const res = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
		return res.violations.map((x) => `${x.id} (${x.nodes.length}): ${x.nodes[0] && x.nodes[0].target.join(" ")}`);
	});
	ok(v.length === 0, `${where}: no axe-core WCAG A/AA violations`, v.join(" | "));
}

async function login(page) {
	await page.goto(`${base}/login`);
	await page.getByLabel(/Nama pengguna|Username/).fill(user);
	await page.getByLabel(/Kata sandi|Password/).fill(password);
	await Promise.all([page.waitForURL(`${base}/`), page.getByRole("button", { name: /Masuk|Log in/ }).click()]);
}

// Submit the transition form whose hidden "ke" is the stage.
async function move(page, ke) {
	const form = page.locator(`form:has(input[name="ke"][value="${ke}"])`);
	await form.getByRole("button", { name: /Simpan|Save/ }).click();
	await page.waitForLoadState();
	if (!/disimpan=1/.test(page.url()))
		throw new Error(`not saved: ${page.url()} ${(await page.locator("main").textContent()).slice(0, 300)}`);
}

let nomor = null;

async function withJs() {
	const ctx = await launch("kasus-js", true);
	const page = ctx.pages()[0] || await ctx.newPage();
	const errors = [];
	page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
	try {
		await login(page);
		await page.goto(`${base}/kasus?antrian=semua`);
		ok(await page.locator("h1").count() === 1, "queue page has one h1");
		await axe(page, "queue page");
		const row = page.locator("tr", { hasText: "diterima" }).first();
		nomor = (await row.locator("a").first().textContent()).trim();
		ok(/^NTR-\d{4}-\d{6}$/.test(nomor), "a received case in the queue", nomor);
		await row.locator("a").first().click();
		await page.waitForURL(new RegExp(`/kasus/${nomor}$`));
		ok((await page.locator("h1").textContent()).includes(nomor), "case page title names the case");
		await axe(page, "case page");
		await move(page, "verifikasi_satgas");
		const body = await page.locator("main").textContent();
		ok(body.includes("verifikasi_satgas"), "with JavaScript: moved to verification");
		ok(body.includes("Alur SBT BKN 2024"), "the page shows the legal basis of the new deadline");
		await page.screenshot({ path: join(shots, "kasus-js.png"), fullPage: true });
		ok(errors.length === 0, "no console errors", errors.join(" | "));
	} catch (e) {
		ok(false, "case pages with JavaScript", String(e).split("\n")[0]);
	} finally {
		await ctx.close();
	}
}

async function withoutJs() {
	const ctx = await launch("kasus-nojs", false);
	const page = ctx.pages()[0] || await ctx.newPage();
	try {
		await login(page);
		await page.goto(`${base}/kasus/${nomor}`);
		await move(page, "kajian_bawaslu");
		const body = await page.locator("main").textContent();
		ok(body.includes("kajian_bawaslu"), "without JavaScript: forwarded to Bawaslu");
		ok(body.includes("UU 7/2017 Pasal 454") || body.includes("UU 1/2015 Pasal 134"),
			"without JavaScript: the Bawaslu deadline's legal basis is shown");
		await page.screenshot({ path: join(shots, "kasus-nojs.png"), fullPage: true });
	} catch (e) {
		ok(false, "case pages without JavaScript", String(e).split("\n")[0]);
	} finally {
		await ctx.close();
	}
}

await withJs();
if (nomor) await withoutJs();
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
