// Browser smoke test (TAP): log in, search an employee, open the detail,
// switch to English, no console errors, basic accessibility checks, and the
// login + list flow again with JavaScript disabled. Uses Debian's chromium;
// playwright-core never downloads a browser.
import { chromium } from "playwright-core";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";

const base = process.env.BASE_URL;
const shots = process.env.SHOT_DIR || "build/browser";
const profileRoot = process.env.PROFILE_DIR || mkdtempSync("/tmp/wasdal-chromium-");
const user = process.env.DEMO_USER;
const password = process.env.DEMO_PASSWORD;
const nip = process.env.DEMO_NIP;
const nama = process.env.DEMO_NAME || "";

let n = 0, failed = 0;
function ok(cond, what, detail) {
	n++;
	if (cond) console.log(`ok ${n} - ${what}`);
	else { failed++; console.log(`not ok ${n} - ${what}`); if (detail) console.log(`#   ${detail}`); }
}

// axe-core (WCAG 2 A/AA rules), evaluated through the DevTools protocol so
// the page's CSP (no inline script) stays on.
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

// Every input has a label, there is exactly one h1, the html has a lang.
async function a11y(page, where) {
	const r = await page.evaluate(() => {
		const unlabelled = [];
		for (const el of document.querySelectorAll("input, select, textarea")) {
			if (el.type === "hidden" || el.type === "submit") continue;
			const byFor = el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
			if (!byFor && !el.closest("label") && !el.getAttribute("aria-label")) unlabelled.push(el.name || el.id);
		}
		return {
			unlabelled, h1: document.querySelectorAll("h1").length,
			lang: document.documentElement.getAttribute("lang") || "",
			main: document.querySelectorAll("main").length,
			skip: !!document.querySelector("a.skip[href='#main']"),
		};
	});
	ok(r.unlabelled.length === 0, `${where}: every input has a label`, r.unlabelled.join(","));
	ok(r.h1 === 1, `${where}: exactly one h1`, `h1 count ${r.h1}`);
	ok(/^(id|en)$/.test(r.lang), `${where}: html lang attribute`, r.lang);
	ok(r.main === 1 && r.skip, `${where}: main landmark and skip link`);
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

async function loginAs(page) {
	await page.goto(`${base}/login`);
	await page.getByLabel(/Nama pengguna|Username/).fill(user);
	await page.getByLabel(/Kata sandi|Password/).fill(password);
	await Promise.all([page.waitForURL(`${base}/`), page.getByRole("button", { name: /Masuk|Log in/ }).click()]);
}

async function withJs() {
	const ctx = await launch("js", true);
	const page = ctx.pages()[0] || await ctx.newPage();
	const errors = [];
	page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
	page.on("pageerror", (e) => errors.push(String(e)));
	try {
		await page.goto(`${base}/login`);
		ok((await page.locator("h1").textContent()) === "Masuk", "login page in Bahasa Indonesia");
		await a11y(page, "login");
		await page.screenshot({ path: join(shots, "login.png"), fullPage: true });
		await loginAs(page);
		ok(page.url() === `${base}/`, "logged in: home page");
		await a11y(page, "home");
		await page.screenshot({ path: join(shots, "home.png"), fullPage: true });

		await page.goto(`${base}/pegawai`);
		await a11y(page, "employee list");
		await page.getByLabel("NIP atau nama").fill(nip);
		await Promise.all([page.waitForURL(/q=/), page.getByRole("button", { name: "Cari" }).click()]);
		const rows = await page.locator("table.data tbody tr").count();
		ok(rows === 1, "search by NIP finds one employee", `rows ${rows}`);
		await page.screenshot({ path: join(shots, "list.png"), fullPage: true });

		await Promise.all([page.waitForURL(`${base}/pegawai/${nip}`), page.getByRole("link", { name: nip }).click()]);
		const h1 = await page.locator("h1").textContent();
		ok(h1.includes(nama), "detail page shows the employee", h1);
		ok(await page.getByText("Riwayat perubahan").count() === 1, "detail page shows the history");
		await a11y(page, "employee detail");
		await page.screenshot({ path: join(shots, "detail.png"), fullPage: true });

		await Promise.all([page.waitForURL(/lang=en/), page.getByRole("link", { name: /English/ }).click()]);
		ok((await page.locator("html").getAttribute("lang")) === "en", "switched to English");
		ok(await page.getByText("Change history").count() === 1, "English texts on the detail page");
		await page.goto(`${base}/pegawai`);
		ok((await page.locator("h1").textContent()) === "Employees", "English is remembered across pages");
		await page.screenshot({ path: join(shots, "list-en.png") });
		await page.goto(`${base}/audit`);
		await a11y(page, "audit");
		await page.screenshot({ path: join(shots, "audit.png") });
		ok(errors.length === 0, "no console errors", errors.join(" | "));
	} catch (e) {
		ok(false, "browser flow with JavaScript", String(e).split("\n")[0]);
	} finally {
		await ctx.close();
	}
}

async function withoutJs() {
	const ctx = await launch("nojs", false);
	const page = ctx.pages()[0] || await ctx.newPage();
	try {
		await loginAs(page);
		ok(page.url() === `${base}/`, "no JavaScript: login works");
		await page.goto(`${base}/pegawai`);
		await page.getByLabel("NIP atau nama").fill(nip.slice(0, 8));
		await Promise.all([page.waitForURL(/q=/), page.getByRole("button", { name: "Cari" }).click()]);
		const rows = await page.locator("table.data tbody tr").count();
		ok(rows >= 1, "no JavaScript: search and list work", `rows ${rows}`);
		await page.getByLabel("Status").selectOption("aktif");
		await Promise.all([page.waitForURL(/status=aktif/), page.getByRole("button", { name: "Terapkan" }).click()]);
		ok(await page.locator("p.count").count() === 1, "no JavaScript: filters apply");
		await page.screenshot({ path: join(shots, "list-nojs.png"), fullPage: true });
	} catch (e) {
		ok(false, "browser flow without JavaScript", String(e).split("\n")[0]);
	} finally {
		await ctx.close();
	}
}

await withJs();
await withoutJs();
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
