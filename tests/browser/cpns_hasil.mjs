// Browser test of the public CPNS result page (TAP): fill the form and see
// the result, with JavaScript and without; a wrong NIK shows the not-found
// notice; accessibility checks (labels, one h1, lang, axe-core WCAG A/AA).
// run.sh publishes a generated round and passes one applicant's data.
import { chromium } from "playwright-core";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";

const base = process.env.BASE_URL;
const shots = process.env.SHOT_DIR || "build/browser";
const profileRoot = process.env.PROFILE_DIR || mkdtempSync("/tmp/wasdal-chromium-");
const aid = process.env.CPNS_AID;
const nik = process.env.CPNS_NIK;
const status = process.env.CPNS_STATUS;
const total = process.env.CPNS_TOTAL;
const start = Number(process.env.TAP_START || 0);

let n = start, failed = 0;
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

async function a11y(page, where) {
	const r = await page.evaluate(() => {
		const unlabelled = [];
		for (const el of document.querySelectorAll("input, select, textarea")) {
			if (el.type === "hidden" || el.type === "submit") continue;
			const byFor = el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
			if (!byFor && !el.closest("label") && !el.getAttribute("aria-label")) unlabelled.push(el.name || el.id);
		}
		return { unlabelled, h1: document.querySelectorAll("h1").length,
			lang: document.documentElement.getAttribute("lang") || "" };
	});
	ok(r.unlabelled.length === 0, `${where}: every input has a label`, r.unlabelled.join(","));
	ok(r.h1 === 1, `${where}: exactly one h1`, `h1 count ${r.h1}`);
	ok(/^(id|en)$/.test(r.lang), `${where}: html lang attribute`, r.lang);
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

async function lookup(page, id, k) {
	await page.goto(`${base}/cpns/hasil`);
	await page.getByLabel(/Nomor pendaftaran|Registration number/).fill(id);
	await page.getByLabel(/NIK/).fill(k);
	await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: /Lihat hasil|Show result/ }).click()]);
	await page.waitForSelector("h1");
}

async function flow(js) {
	const tag = js ? "" : "no JavaScript: ";
	const ctx = await launch(js ? "cpns-js" : "cpns-nojs", js);
	const page = ctx.pages()[0] || await ctx.newPage();
	const errors = [];
	// "not found" is a 404 page on purpose: the browser logs that status.
	page.on("console", (m) => {
		if (m.type() === "error" && !/status of 404/.test(m.text())) errors.push(m.text());
	});
	page.on("pageerror", (e) => errors.push(String(e)));
	try {
		await page.goto(`${base}/cpns/hasil`);
		ok((await page.locator("h1").textContent()) === "Cek hasil seleksi CPNS", `${tag}result form in Bahasa Indonesia`);
		if (js) await a11y(page, "CPNS form");
		await lookup(page, aid, nik);
		const st = (await page.locator("dd.status").textContent()) || "";
		ok(st.startsWith(status), `${tag}the result shows the status`, st);
		ok(((await page.locator("dd.total").textContent()) || "") === (total || "—"), `${tag}the result shows the total`);
		ok(await page.locator("dd.cutoff").count() === 1, `${tag}the result shows the formation's cut-off`);
		if (js) {
			await a11y(page, "CPNS result");
			await page.screenshot({ path: join(shots, "cpns-hasil.png"), fullPage: true });
		} else {
			await page.screenshot({ path: join(shots, "cpns-hasil-nojs.png"), fullPage: true });
		}
		const wrong = (nik.slice(0, 15) + String((Number(nik[15]) + 1) % 10));
		await lookup(page, aid, wrong);
		ok(await page.getByRole("alert").filter({ hasText: /Data tidak ditemukan/ }).count() === 1,
			`${tag}a wrong NIK shows the not-found notice`);
		ok(await page.locator("dd.status").count() === 0, `${tag}and no result`);
		if (js) {
			await a11y(page, "CPNS not found");
			await page.goto(`${base}/cpns/hasil?lang=en`);
			ok((await page.locator("h1").textContent()) === "Check your CPNS selection result", "English switch");
			ok(errors.length === 0, "no console errors", errors.join(" | "));
		}
	} catch (e) {
		ok(false, `${tag}CPNS result flow`, String(e).split("\n")[0]);
	} finally {
		await ctx.close();
	}
}

await flow(true);
await flow(false);
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
