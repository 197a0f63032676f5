// Browser test of the citizen report pages (TAP): file a report with an
// attached photo on /lapor and follow it on /lapor/pantau, with JavaScript
// and without; with JavaScript the identity fields show only for a named
// report; accessibility checks (labels, one h1, lang, axe-core WCAG A/AA)
// on the form, the receipt page and the follow-up page.
import { join } from "node:path";
import { a11y, base, done, failWith, launch, ok, shots, watchErrors } from "./lib.mjs";

const photo = process.env.LAPOR_PHOTO;
function isoDaysAgo(d) {
	const t = new Date(Date.now() + 7 * 3600e3 - d * 86400e3);
	return t.toISOString().slice(0, 10);
}

async function flow(js) {
	const tag = js ? "" : "no JavaScript: ";
	const { ctx, page } = await launch(js ? "lapor-js" : "lapor-nojs", js);
	const errors = watchErrors(page);
	try {
		await page.goto(`${base}/lapor`);
		ok((await page.locator("h1").textContent()) === "Laporkan pelanggaran netralitas ASN", `${tag}the report form`);
		const nameBox = page.locator("#pelapor_nama");
		if (js) {
			await a11y(page, "report form");
			ok(!(await nameBox.isVisible()), "anonim by default: identity fields hidden");
			await page.locator("#pelapor_mode-rahasia").check();
			ok(await nameBox.isVisible(), "choosing rahasia shows them");
			await page.locator("#pelapor_mode-anonim").check();
			ok(!(await nameBox.isVisible()), "back to anonim hides them");
		} else {
			ok(await nameBox.isVisible(), `${tag}identity fields always shown, with a note`);
		}
		await page.locator("#konteks").selectOption("pilkada");
		await page.locator("#wilayah").fill("Kabupaten Banyumas");
		await page.locator("#terlapor_nama").fill("Budi Peramban");
		await page.locator("#terlapor_instansi").fill("Kecamatan Contoh");
		await page.locator("#pelanggaran_kode").selectOption("KE-4");
		await page.locator("#kejadian_tanggal").fill(isoDaysAgo(1));
		await page.locator("#kronologi").fill("Membagikan poster bakal calon ke grup WhatsApp kantor pada jam kerja.");
		await page.locator("#bukti").setInputFiles(photo);
		await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Kirim laporan" }).click()]);
		await page.waitForSelector("h1");
		const receipt = ((await page.locator("#receipt").textContent()) || "").trim();
		ok(/^\d{4}-\d{4}-\d{4}-\d{4}$/.test(receipt), `${tag}the receipt is shown grouped 4-4-4-4`, receipt);
		ok(/^NTR-\d{4}-\d{6}$/.test(((await page.locator("#nomor").textContent()) || "").trim()), `${tag}the case number`);
		ok(((await page.locator("#n-bukti").textContent()) || "") === "1", `${tag}the photo was stored`);
		ok(await page.getByText(/dihapus dari 1 foto/).count() === 1, `${tag}the reporter is told EXIF was removed`);
		if (js) {
			await a11y(page, "receipt page");
			await page.screenshot({ path: join(shots, "lapor-diterima.png"), fullPage: true });
		}

		await page.goto(`${base}/lapor/pantau`);
		await page.getByLabel("Kode tanda terima").fill(receipt.replaceAll("-", " "));
		await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Lihat laporan" }).click()]);
		await page.waitForSelector("h1");
		ok(((await page.locator("#tahap").textContent()) || "") === "Laporan diterima", `${tag}the follow-up page shows the stage`);
		ok(await page.getByText(/identitas Anda tidak disimpan/).count() === 1, `${tag}an anonim report says no identity is stored`);
		await page.locator("#isi").fill("Saya dapat mengirim nama saksi bila diperlukan.");
		await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name: "Kirim pesan" }).click()]);
		await page.waitForSelector("h1");
		ok(await page.locator("ol.pesan li").filter({ hasText: "nama saksi" }).count() === 1, `${tag}the reply is listed`);
		if (js) {
			await a11y(page, "follow-up page");
			await page.screenshot({ path: join(shots, "lapor-pantau.png"), fullPage: true });
			ok(errors.length === 0, "no console errors", errors.join(" | "));
		} else {
			await page.screenshot({ path: join(shots, "lapor-pantau-nojs.png"), fullPage: true });
		}
	} catch (e) {
		failWith(`${tag}report flow`, e);
	} finally {
		await ctx.close();
	}
}

await flow(true);
await flow(false);
done();
