// Browser smoke test (TAP): log in, search an employee, open the detail,
// switch to English, no console errors, basic accessibility checks, and the
// login + list flow again with JavaScript disabled. Uses Debian's chromium;
// playwright-core never downloads a browser.
import { join } from "node:path";
import { a11y, base, done, failWith, launch, login, ok, shots, watchErrors } from "./lib.mjs";

const user = process.env.DEMO_USER;
const password = process.env.DEMO_PASSWORD;
const nip = process.env.DEMO_NIP;
const nama = process.env.DEMO_NAME || "";

async function withJs() {
	const { ctx, page } = await launch("js", true);
	const errors = watchErrors(page);
	try {
		await page.goto(`${base}/login`);
		ok((await page.locator("h1").textContent()) === "Masuk", "login page in Bahasa Indonesia");
		await a11y(page, "login", { landmarks: true });
		await page.screenshot({ path: join(shots, "login.png"), fullPage: true });
		await login(page, user, password);
		ok(page.url() === `${base}/`, "logged in: home page");
		await a11y(page, "home", { landmarks: true });
		await page.screenshot({ path: join(shots, "home.png"), fullPage: true });

		await page.goto(`${base}/pegawai`);
		await a11y(page, "employee list", { landmarks: true });
		await page.getByLabel("NIP atau nama").fill(nip);
		await Promise.all([page.waitForURL(/q=/), page.getByRole("button", { name: "Cari" }).click()]);
		const rows = await page.locator("table.data tbody tr").count();
		ok(rows === 1, "search by NIP finds one employee", `rows ${rows}`);
		await page.screenshot({ path: join(shots, "list.png"), fullPage: true });

		await Promise.all([page.waitForURL(`${base}/pegawai/${nip}`), page.getByRole("link", { name: nip }).click()]);
		const h1 = await page.locator("h1").textContent();
		ok(h1.includes(nama), "detail page shows the employee", h1);
		ok(await page.getByText("Riwayat perubahan").count() === 1, "detail page shows the history");
		await a11y(page, "employee detail", { landmarks: true });
		await page.screenshot({ path: join(shots, "detail.png"), fullPage: true });

		await Promise.all([page.waitForURL(/lang=en/), page.getByRole("link", { name: /English/ }).click()]);
		ok((await page.locator("html").getAttribute("lang")) === "en", "switched to English");
		ok(await page.getByText("Change history").count() === 1, "English texts on the detail page");
		await page.goto(`${base}/pegawai`);
		ok((await page.locator("h1").textContent()) === "Employees", "English is remembered across pages");
		await page.screenshot({ path: join(shots, "list-en.png") });
		await page.goto(`${base}/audit`);
		await a11y(page, "audit", { landmarks: true });
		await page.screenshot({ path: join(shots, "audit.png") });
		ok(errors.length === 0, "no console errors", errors.join(" | "));
	} catch (e) {
		failWith("browser flow with JavaScript", e);
	} finally {
		await ctx.close();
	}
}

async function withoutJs() {
	const { ctx, page } = await launch("nojs", false);
	try {
		await login(page, user, password);
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
		failWith("browser flow without JavaScript", e);
	} finally {
		await ctx.close();
	}
}

await withJs();
await withoutJs();
done();
