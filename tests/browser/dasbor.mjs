// Browser test (TAP) of the dashboard and the public statistics: axe-core
// WCAG A/AA on /dasbor and /statistik, every chart an SVG with role="img",
// <title> and <desc> and a table beside it; without JavaScript the filter
// form applies and the export links carry the filter. Debian's chromium.
import { chromium } from "playwright-core";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";

const base = process.env.BASE_URL;
const shots = process.env.SHOT_DIR || "build/browser";
const profileRoot = process.env.PROFILE_DIR || mkdtempSync("/tmp/wasdal-chromium-");
const user = process.env.DASBOR_USER || "bkn";
const password = process.env.DASBOR_PASSWORD || "demo-bkn-2026";

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
	const h1 = await page.locator("h1").count();
	ok(h1 === 1, `${where}: exactly one h1`, `h1 count ${h1}`);
	if (!axeSource) { n++; console.log(`ok ${n} - ${where}: axe-core # SKIP axe-core not installed`); return; }
	await page.evaluate(axeSource);
	const v = await page.evaluate(async () => {
		const res = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
		return res.violations.map((x) => `${x.id} (${x.nodes.length}): ${x.nodes[0] && x.nodes[0].target.join(" ")}`);
	});
	ok(v.length === 0, `${where}: no axe-core WCAG A/AA violations`, v.join(" | "));
}

async function charts(page, where) {
	const info = await page.evaluate(() => [...document.querySelectorAll("figure.chart")].map((f) => {
		const svg = f.querySelector("svg");
		const ids = (svg && svg.getAttribute("aria-labelledby") || "").split(" ");
		return {
			role: svg && svg.getAttribute("role"),
			labelled: ids.length === 2 && ids.every((id) => document.getElementById(id)),
			title: svg && svg.querySelector("title") && svg.querySelector("title").textContent.length > 0,
			desc: svg && svg.querySelector("desc") && svg.querySelector("desc").textContent.length > 0,
			table: !!f.querySelector("table caption"),
			rows: f.querySelectorAll("table tbody tr").length,
			bars: svg ? svg.querySelectorAll("g.bar").length : -1,
		};
	}));
	ok(info.length >= 2, `${where}: has charts`, `${info.length}`);
	ok(info.every((c) => c.role === "img" && c.labelled && c.title && c.desc),
		`${where}: every chart is role=img labelled by its <title> and <desc>`, JSON.stringify(info));
	ok(info.every((c) => c.table && c.rows === c.bars), `${where}: every chart has a table with one row per bar`,
		JSON.stringify(info.map((c) => [c.rows, c.bars])));
}

async function loginAs(page) {
	await page.goto(`${base}/login`);
	await page.getByLabel(/Nama pengguna|Username/).fill(user);
	await page.getByLabel(/Kata sandi|Password/).fill(password);
	await Promise.all([page.waitForURL(`${base}/`), page.getByRole("button", { name: /Masuk|Log in/ }).click()]);
}

async function withJs() {
	const ctx = await launch("dasbor-js", true);
	const page = ctx.pages()[0] || await ctx.newPage();
	try {
		await loginAs(page);
		await page.goto(`${base}/dasbor`);
		await axe(page, "dashboard");
		await charts(page, "dashboard");
		const total = Number(await page.locator("#jumlah-kasus").textContent());
		ok(total > 0, "dashboard counts the generated cases", `${total}`);
		await page.screenshot({ path: join(shots, "dasbor.png"), fullPage: true });
		await page.goto(`${base}/statistik`);
		await axe(page, "public statistics");
		await charts(page, "public statistics");
		await page.screenshot({ path: join(shots, "statistik.png"), fullPage: true });
	} catch (e) {
		ok(false, "dashboard with JavaScript", String(e).split("\n")[0]);
	} finally {
		await ctx.close();
	}
}

async function withoutJs() {
	const ctx = await launch("dasbor-nojs", false);
	const page = ctx.pages()[0] || await ctx.newPage();
	try {
		await loginAs(page);
		await page.goto(`${base}/dasbor`);
		const all = Number(await page.locator("#jumlah-kasus").textContent());
		await page.locator("select#konteks").selectOption("pilkada");
		await Promise.all([page.waitForURL(/konteks=pilkada/), page.getByRole("button", { name: "Terapkan" }).click()]);
		const pilkada = Number(await page.locator("#jumlah-kasus").textContent());
		ok(pilkada > 0 && pilkada < all, "no JavaScript: the konteks filter applies", `${pilkada} of ${all}`);
		const hrefs = await page.locator("p.export a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
		ok(hrefs.length >= 12 && hrefs.every((h) => h.includes("konteks=pilkada")),
			"no JavaScript: every export link carries the filter", hrefs.slice(0, 2).join(" "));
		ok(await page.locator("svg[role=img]").count() >= 5, "no JavaScript: charts are there (server-rendered)");
		await page.screenshot({ path: join(shots, "dasbor-nojs.png"), fullPage: true });
	} catch (e) {
		ok(false, "dashboard without JavaScript", String(e).split("\n")[0]);
	} finally {
		await ctx.close();
	}
}

await withJs();
await withoutJs();
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
