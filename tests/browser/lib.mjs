// Shared helpers of the browser tests (TAP output, Debian's chromium through
// playwright-core, login, accessibility checks). run.sh passes BASE_URL,
// SHOT_DIR and PROFILE_DIR; TAP_START offsets the numbering when a caller
// concatenates several scripts into one plan.
import { chromium } from "playwright-core";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const base = process.env.BASE_URL;
export const shots = process.env.SHOT_DIR || "build/browser";
const profileRoot = process.env.PROFILE_DIR || mkdtempSync("/tmp/wasdal-chromium-");

let n = Number(process.env.TAP_START || 0), failed = 0;

// One TAP line per check; the detail goes into a diagnostic line on failure.
export function ok(cond, what, detail) {
	n++;
	if (cond) console.log(`ok ${n} - ${what}`);
	else { failed++; console.log(`not ok ${n} - ${what}`); if (detail) console.log(`#   ${detail}`); }
}

function skip(what, why) {
	n++;
	console.log(`ok ${n} - ${what} # SKIP ${why}`);
}

// The plan at the end (the number of checks is known only then) and the
// exit status.
export function done() {
	console.log(`1..${n}`);
	process.exit(failed ? 1 : 0);
}

// The first line of an exception, as a failed check: a flow that throws
// must not end the script without a "not ok".
export function failWith(what, e) {
	ok(false, what, String(e).split("\n")[0]);
}

const args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync"];

// A persistent profile per name (run.sh gives a fresh PROFILE_DIR), never a
// downloaded browser. Returns the context and its first page.
export async function launch(name, javaScriptEnabled, viewport = { width: 1280, height: 900 }) {
	const ctx = await chromium.launchPersistentContext(join(profileRoot, name), {
		executablePath: "/usr/bin/chromium", headless: true, args, javaScriptEnabled, viewport,
	});
	const page = ctx.pages()[0] || await ctx.newPage();
	return { ctx, page };
}

// Collects the page's errors: uncaught exceptions always, console errors
// when asked (ignore: a pattern of console errors that are expected).
export function watchErrors(page, { console: withConsole = true, ignore = null } = {}) {
	const errors = [];
	if (withConsole)
		page.on("console", (m) => {
			if (m.type() === "error" && !(ignore && ignore.test(m.text()))) errors.push(m.text());
		});
	page.on("pageerror", (e) => errors.push(String(e)));
	return errors;
}

// Logs in through the form. until: the URL to wait for (the home page by
// default); null waits for whatever page the login leads to.
export async function login(page, user, password, until = `${base}/`) {
	await page.goto(`${base}/login`);
	await page.getByLabel(/Nama pengguna|Username/).fill(user);
	await page.getByLabel(/Kata sandi|Password/).fill(password);
	const click = page.getByRole("button", { name: /Masuk|Log in/ }).click();
	await Promise.all([until === null ? page.waitForNavigation() : page.waitForURL(until), click]);
}

// axe-core (WCAG 2 A/AA rules), evaluated through the DevTools protocol so
// the page's CSP (no inline script) stays on. Needs JavaScript in the page
// (page.evaluate waits forever in a context without it).
const axePath = new URL("./node_modules/axe-core/axe.min.js", import.meta.url);
const axeSource = existsSync(axePath) ? readFileSync(axePath, "utf8") : null;

export async function axeOnly(page, where) {
	if (!axeSource) return skip(`${where}: axe-core`, "axe-core not installed");
	await page.evaluate(axeSource);
	const v = await page.evaluate(async () => {
		const res = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
		return res.violations.map((x) => `${x.id} (${x.nodes.length}): ${x.nodes[0] && x.nodes[0].target.join(" ")}`);
	});
	ok(v.length === 0, `${where}: no axe-core WCAG A/AA violations`, v.join(" | "));
}

// Exactly one h1, then axe-core.
export async function axe(page, where) {
	const h1 = await page.locator("h1").count();
	ok(h1 === 1, `${where}: exactly one h1`, `h1 count ${h1}`);
	await axeOnly(page, where);
}

// Every input has a label, exactly one h1, the html has a lang (and, with
// landmarks, one main and the skip link), then axe-core.
export async function a11y(page, where, { landmarks = false } = {}) {
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
	if (landmarks) ok(r.main === 1 && r.skip, `${where}: main landmark and skip link`);
	await axeOnly(page, where);
}
