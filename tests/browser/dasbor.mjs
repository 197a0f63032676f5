// Browser test (TAP) of the dashboard and the public statistics: axe-core
// WCAG A/AA on /dasbor and /statistik, every chart an SVG with role="img",
// <title> and <desc> and a table beside it; without JavaScript the filter
// form applies and the export links carry the filter. Debian's chromium.
import { join } from "node:path";
import { axe, base, done, failWith, launch, login, ok, shots } from "./lib.mjs";

const user = process.env.DASBOR_USER || "bkn";
const password = process.env.DASBOR_PASSWORD || "demo-bkn-2026";

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

async function withJs() {
	const { ctx, page } = await launch("dasbor-js", true);
	try {
		await login(page, user, password);
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
		failWith("dashboard with JavaScript", e);
	} finally {
		await ctx.close();
	}
}

async function withoutJs() {
	const { ctx, page } = await launch("dasbor-nojs", false);
	try {
		await login(page, user, password);
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
		failWith("dashboard without JavaScript", e);
	} finally {
		await ctx.close();
	}
}

await withJs();
await withoutJs();
done();
