// Browser test (TAP) of documents and campaigns: with JavaScript, a BKPSDM
// admin sees the progress chart and issues activation slips, the demo
// employee activates the account, logs in with the NIP, signs, prints the
// A4 declaration and opens the public verification page; without
// JavaScript, a second employee activates, signs and checks a code through
// the plain form, and a forged code fails. axe-core where JavaScript is on.
// DOC_SHOTS=1 writes the user-guide screenshots into docs/img/.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { axe, base, done, failWith, launch, login, ok, shots, watchErrors } from "./lib.mjs";

const docImg = process.env.DOC_SHOTS === "1" ? new URL("../../docs/img/", import.meta.url).pathname : shots;
const bkpsdm = process.env.KAMP_BKPSDM || "bkpsdm.banyumas";
const bkpsdmPassword = process.env.KAMP_BKPSDM_PASSWORD;
const nip1 = process.env.KAMP_NIP1;   // the demo asn account's employee
const nip2 = process.env.KAMP_NIP2;   // another unsigned employee of the demo campaign
mkdirSync(docImg, { recursive: true });

async function logout(page) {
	await Promise.all([page.waitForURL(/login/), page.getByRole("button", { name: /Keluar|Log out/ }).click()]);
}

// Issue a code for one NIP as slips; returns the code shown.
async function issueCode(page, nip, shot) {
	await page.goto(`${base}/aktivasi/terbitkan?kampanye=1`);
	await page.getByLabel(/Hanya satu NIP/).fill(nip);
	await Promise.all([page.waitForURL(/aktivasi\/terbitkan/), page.getByRole("button", { name: "Terbitkan kode" }).click()]);
	const code = (await page.locator(".slip .kode").first().textContent() || "").trim();
	if (shot) {
		await axe(page, "slip kode aktivasi");
		await page.screenshot({ path: join(docImg, "kampanye-slip.png") });
	}
	return code;
}

async function activate(page, nip, code, password) {
	await page.goto(`${base}/aktivasi`);
	await page.getByLabel("NIP").fill(nip);
	await page.getByLabel("Kode aktivasi").fill(code);
	await page.getByLabel("Kata sandi baru", { exact: true }).fill(password);
	await page.getByLabel("Ulangi kata sandi baru").fill(password);
}

let code1 = "", code2 = "", verif = "";

async function withJs() {
	const { ctx, page } = await launch("kampanye-js", true);
	const errors = watchErrors(page, { console: false });
	try {
		await login(page, bkpsdm, bkpsdmPassword);
		await page.goto(`${base}/kampanye`);
		await axe(page, "daftar kampanye");
		await page.getByRole("link", { name: /Deklarasi Netralitas ASN/ }).click();
		await page.waitForURL(/kampanye\/1$/);
		const chart = page.locator("svg.chart[role=img]");
		ok(await chart.count() === 1, "progress: one SVG bar chart with role=img");
		ok((await chart.locator("title").textContent()).includes("per unit kerja"), "progress: the chart has a title");
		ok(await page.locator("table.chart-data tbody tr").count() >= 6, "progress: a table of the same numbers");
		const box = await chart.boundingBox();
		ok(box && box.width > 300, "progress: the chart is drawn", JSON.stringify(box));
		await axe(page, "kemajuan kampanye");
		await page.screenshot({ path: join(docImg, "kampanye-progres.png"), fullPage: true });
		await page.goto(`${base}/kampanye/templat`);
		await axe(page, "templat dokumen");
		await page.screenshot({ path: join(docImg, "kampanye-templat.png") });
		await page.goto(`${base}/kampanye/baru`);
		await axe(page, "kampanye baru");
		await page.screenshot({ path: join(docImg, "kampanye-baru.png"), fullPage: true });
		await page.goto(`${base}/aktivasi/terbitkan?kampanye=1`);
		await axe(page, "terbitkan kode aktivasi");
		code1 = await issueCode(page, nip1, true);
		ok(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/.test(code1), "slips: a code in groups of four", code1);
		code2 = await issueCode(page, nip2, false);
		await logout(page);

		await activate(page, nip1, code1, "kata-sandi-peramban-1");
		await axe(page, "aktivasi");
		await page.screenshot({ path: join(docImg, "kampanye-aktivasi.png") });
		await page.getByRole("button", { name: "Aktifkan akun" }).click();
		ok((await page.locator(".notice.ok").textContent()).includes("Akun aktif"), "activation with JS: the account is active");
		await login(page, nip1, "kata-sandi-peramban-1");
		ok(await page.getByRole("button", { name: /Keluar|Log out/ }).count() === 1,
			"the employee logs in with NIP and the new password");
		await page.goto(`${base}/kampanye/1`);
		ok(await page.locator("article.dokumen").count() === 1, "sign with JS: the document text is shown");
		await axe(page, "tanda tangani");
		await page.screenshot({ path: join(docImg, "kampanye-tandatangan.png"), fullPage: true });
		await page.getByLabel(/Saya telah membaca/).check();
		await Promise.all([page.waitForURL(/ditandatangani=1/), page.getByRole("button", { name: "Tanda tangani" }).click()]);
		verif = (await page.locator("#kode-verifikasi").textContent() || "").trim();
		ok(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/.test(verif), "sign with JS: a verification code is shown", verif);
		await axe(page, "sudah ditandatangani");
		await page.getByRole("link", { name: /Halaman cetak/ }).click();
		await page.waitForURL(/cetak$/);
		ok(await page.locator("button.print").isVisible(), "print page: the print button appears with JS");
		ok(await page.locator("svg.qr").count() === 1, "print page: a QR code");
		await axe(page, "halaman cetak");
		await page.emulateMedia({ media: "print" });
		ok(!(await page.locator("header.banner").isVisible()), "print media: no site header");
		const width = await page.locator("article.surat").evaluate((e) => e.getBoundingClientRect().width);
		ok(Math.abs(width - 793.7) < 3, "print media: the declaration is A4 wide (210 mm)", `${width}px`);
		const pdfPath = join(shots, "kampanye-cetak.pdf");
		await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
		const pdf = readFileSync(pdfPath, "latin1");
		const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) || []).length;
		ok(pages === 1, "print to PDF: the declaration fits one page", `${pages} pages`);
		const media = pdf.match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)/);
		ok(media && Math.abs(media[1] - 595.3) < 2 && Math.abs(media[2] - 841.9) < 2, "print to PDF: the page is A4", media && media.slice(1).join("x"));
		await page.setViewportSize({ width: 800, height: 1130 });
		await page.screenshot({ path: join(docImg, "kampanye-cetak.png"), fullPage: true });
		await page.emulateMedia({ media: "screen" });
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto(`${base}/verifikasi/${verif}`);
		ok((await page.locator("#putusan").textContent()).includes("ASLI"), "verification with JS: genuine");
		await axe(page, "verifikasi");
		await page.screenshot({ path: join(docImg, "kampanye-verifikasi.png"), fullPage: true });
		ok(errors.length === 0, "no JavaScript errors", errors.join(" | "));
	} finally {
		await ctx.close();
	}
}

async function withoutJs() {
	const { ctx, page } = await launch("kampanye-nojs", false);
	try {
		await activate(page, nip2, code2, "kata-sandi-peramban-2");
		await page.getByRole("button", { name: "Aktifkan akun" }).click();
		ok((await page.locator(".notice.ok").textContent()).includes("Akun aktif"), "activation without JS");
		await login(page, nip2, "kata-sandi-peramban-2");
		await page.goto(`${base}/kampanye`);
		await page.getByRole("link", { name: /Deklarasi Netralitas ASN/ }).click();
		await page.getByRole("button", { name: "Tanda tangani" }).click();
		ok(/kampanye\/1/.test(page.url()), "sign without JS: the unticked box is refused by the form or the server", page.url());
		await page.getByLabel(/Saya telah membaca/).check();
		await Promise.all([page.waitForURL(/ditandatangani=1/), page.getByRole("button", { name: "Tanda tangani" }).click()]);
		const mine = (await page.locator("#kode-verifikasi").textContent() || "").trim();
		ok(mine.length === 11 && mine !== verif, "sign without JS: signed, with its own code", mine);
		await page.goto(`${base}/tanda-tangan/${mine.replace("-", "")}/cetak`);
		ok(!(await page.locator("button.print").isVisible()), "print page without JS: the print button stays hidden");
		await page.goto(`${base}/verifikasi`);
		await page.getByLabel("Kode verifikasi").fill(mine.toLowerCase());
		await page.getByRole("button", { name: "Periksa" }).click();
		ok((await page.locator("#putusan").textContent()).includes("ASLI"), "verification without JS: the form finds the code (typed in lower case)");
		await page.goto(`${base}/verifikasi/ZZZZZ-ZZZZZ`);
		ok((await page.locator(".verdict.forged").textContent()).includes("TIDAK SAH"), "verification without JS: a forged code fails clearly");
	} finally {
		await ctx.close();
	}
}

try {
	if (!nip1 || !nip2 || !bkpsdmPassword) throw new Error("KAMP_NIP1, KAMP_NIP2, KAMP_BKPSDM_PASSWORD are needed");
	await withJs();
	await withoutJs();
} catch (e) {
	failWith("kampanye browser test ran to the end", e);
}
done();
