// Officer case pages in the browser (TAP): the queue, a case page (due
// date, legal basis, axe-core WCAG A/AA), one transition with JavaScript
// and the next one with JavaScript disabled (plain HTML forms).
import { join } from "node:path";
import { axe, axeOnly, base, done, failWith, launch, login, ok, shots, watchErrors } from "./lib.mjs";

const user = process.env.KASUS_USER;
const password = process.env.KASUS_PASSWORD;

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
	const { ctx, page } = await launch("kasus-js", true);
	const errors = watchErrors(page);
	try {
		await login(page, user, password);
		await page.goto(`${base}/kasus?antrian=semua`);
		await axe(page, "queue page");
		const row = page.locator("tr", { hasText: "diterima" }).first();
		nomor = (await row.locator("a").first().textContent()).trim();
		ok(/^NTR-\d{4}-\d{6}$/.test(nomor), "a received case in the queue", nomor);
		await row.locator("a").first().click();
		await page.waitForURL(new RegExp(`/kasus/${nomor}$`));
		ok((await page.locator("h1").textContent()).includes(nomor), "case page title names the case");
		await axeOnly(page, "case page");
		await move(page, "verifikasi_satgas");
		const body = await page.locator("main").textContent();
		ok(body.includes("verifikasi_satgas"), "with JavaScript: moved to verification");
		ok(body.includes("Alur SBT BKN 2024"), "the page shows the legal basis of the new deadline");
		await page.screenshot({ path: join(shots, "kasus-js.png"), fullPage: true });
		ok(errors.length === 0, "no console errors", errors.join(" | "));
	} catch (e) {
		failWith("case pages with JavaScript", e);
	} finally {
		await ctx.close();
	}
}

async function withoutJs() {
	const { ctx, page } = await launch("kasus-nojs", false);
	try {
		await login(page, user, password);
		await page.goto(`${base}/kasus/${nomor}`);
		await move(page, "kajian_bawaslu");
		const body = await page.locator("main").textContent();
		ok(body.includes("kajian_bawaslu"), "without JavaScript: forwarded to Bawaslu");
		ok(body.includes("UU 7/2017 Pasal 454") || body.includes("UU 1/2015 Pasal 134"),
			"without JavaScript: the Bawaslu deadline's legal basis is shown");
		await page.screenshot({ path: join(shots, "kasus-nojs.png"), fullPage: true });
	} catch (e) {
		failWith("case pages without JavaScript", e);
	} finally {
		await ctx.close();
	}
}

await withJs();
if (nomor) await withoutJs();
done();
