// Browser test of the public CPNS result page (TAP): fill the form and see
// the result, with JavaScript and without; a wrong NIK shows the not-found
// notice; accessibility checks (labels, one h1, lang, axe-core WCAG A/AA).
// run.sh publishes a generated round and passes one applicant's data.
import { join } from "node:path";
import { a11y, base, done, failWith, launch, ok, shots, watchErrors } from "./lib.mjs";

const aid = process.env.CPNS_AID;
const nik = process.env.CPNS_NIK;
const status = process.env.CPNS_STATUS;
const total = process.env.CPNS_TOTAL;
async function lookup(page, id, k) {
	await page.goto(`${base}/cpns/hasil`);
	await page.getByLabel(/Nomor pendaftaran|Registration number/).fill(id);
	await page.getByLabel(/NIK/).fill(k);
	await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: /Lihat hasil|Show result/ }).click()]);
	await page.waitForSelector("h1");
}

async function flow(js) {
	const tag = js ? "" : "no JavaScript: ";
	const { ctx, page } = await launch(js ? "cpns-js" : "cpns-nojs", js);
	// "not found" is a 404 page on purpose: the browser logs that status.
	const errors = watchErrors(page, { ignore: /status of 404/ });
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
		failWith(`${tag}CPNS result flow`, e);
	} finally {
		await ctx.close();
	}
}

await flow(true);
await flow(false);
done();
