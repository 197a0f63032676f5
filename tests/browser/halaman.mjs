// Browser test (TAP) of the pages no other browser test reaches: the
// registry import page (/impor, without JavaScript: the error report of an
// all-or-nothing upload, then --partial), the workflow definition (/alur:
// the stages and a new version published from its own CSV files, a bad file
// refused with its line), an instansi's public keys (/instansi/:kode/kunci,
// no login), a document template (/kampanye/templat/:id) and the
// custodian's page opening a sealed reporter identity (/lapor/identitas),
// which the reporter then sees on /lapor/pantau. Each page gets the
// accessibility checks. Runs last: it adds an employee and a workflow
// version to the shared demo database.
import { join } from "node:path";
import { a11y, axe, base, done, failWith, launch, login, ok, shots } from "./lib.mjs";

const admin = { user: "admin", password: process.env.ADMIN_PASSWORD };
const bkpsdm = { user: "bkpsdm.banyumas", password: process.env.BK_PASSWORD };
const custodian = { user: "custodian", password: process.env.CUSTODIAN_PASSWORD };
const passphrase = process.env.KUNCI_PASSPHRASE;
const rahasia = { nomor: process.env.RAHASIA_NOMOR, receipt: process.env.RAHASIA_RECEIPT,
	nama: process.env.RAHASIA_NAMA };

// A new, valid NIP (born 1 Jan 1990, CPNS March 2015, male, number 987) and
// one with month 13 in the birth date.
const newNip = "199001012015031987";
const badNip = "199013012015031001";

// RFC 4180 records of a CSV text (quoted fields may hold commas, quotes
// and line breaks), and one record written back.
function parseCsv(text) {
	const rows = [];
	let row = [], field = "", quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ",") { row.push(field); field = ""; }
		else if (c === "\n" || c === "\r") {
			if (c === "\r" && text[i + 1] === "\n") i++;
			row.push(field); rows.push(row); row = []; field = "";
		} else field += c;
	}
	if (field !== "" || row.length) { row.push(field); rows.push(row); }
	return rows;
}
const csvLine = (cells) => cells.map((c) => /[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c).join(",");

async function submit(page, name) {
	await Promise.all([page.waitForNavigation(), page.getByRole("button", { name }).click()]);
}

// The registry import without JavaScript: the core task of a BKPSDM.
async function impor() {
	const { ctx, page } = await launch("halaman-impor", false);
	try {
		await login(page, bkpsdm.user, bkpsdm.password);
		const res = await page.request.get(`${base}/pegawai/ekspor.csv`);
		ok(res.ok(), "the registry export downloads", `${res.status()}`);
		const records = parseCsv((await res.text()).replace(/^\uFEFF/, ""));
		const header = records[0];
		ok(header[0] === "nip" && records.length > 2, "the export has a header and rows", header.join(","));
		const row = csvLine(records[1]);
		const fresh = csvLine([newNip, "Peramban Uji Impor", ...records[1].slice(2)]);
		const bad = csvLine([badNip, "Baris Salah", ...records[1].slice(2)]);
		const file = (rows) => ({ name: "pegawai.csv", mimeType: "text/csv",
			buffer: Buffer.from([csvLine(header), ...rows].join("\r\n") + "\r\n") });

		await page.goto(`${base}/impor`);
		await page.getByLabel(/Berkas CSV|CSV file/).setInputFiles(file([row, fresh, bad]));
		await submit(page, /Unggah dan impor|Upload and import/);
		const report = await page.locator("main").textContent();
		ok(report.includes("Tidak ada data yang diimpor"), "a bad row means nothing is imported, and the page says so");
		const errRows = await page.locator("main table tbody tr").allTextContents();
		ok(errRows.length === 1 && errRows[0].includes("4") && errRows[0].includes(badNip),
			"the error report names the line (4) and the bad value", JSON.stringify(errRows));
		await page.screenshot({ path: join(shots, "impor-galat.png"), fullPage: true });
		let search = await page.request.get(`${base}/api/v1/pegawai/${newNip}`);
		ok(search.status() === 404, "the good row of the refused file was not stored", `${search.status()}`);

		await page.goto(`${base}/impor`);
		await page.getByLabel(/Berkas CSV|CSV file/).setInputFiles(file([row, fresh, bad]));
		await page.getByLabel(/baris yang benar saja|good rows only/).check();
		await submit(page, /Unggah dan impor|Upload and import/);
		const partial = await page.locator("main").textContent();
		ok(/3 baris dibaca: 2 sah, 1 salah; 1 baru, 0 diubah, 1 tetap/.test(partial),
			"--partial stores the good rows and counts them", partial.slice(0, 300));
		await page.goto(`${base}/pegawai/${newNip}`);
		ok((await page.locator("main").textContent()).includes("Peramban Uji Impor"),
			"the imported employee has a page");
	} catch (e) {
		failWith("registry import page", e);
	} finally {
		await ctx.close();
	}
}

// The accessibility checks of the two forms the no-JavaScript flows use
// (they evaluate scripts in the page, so they need a context with it).
async function formsA11y() {
	const { ctx, page } = await launch("halaman-a11y", true);
	try {
		await login(page, bkpsdm.user, bkpsdm.password);
		await page.goto(`${base}/impor`);
		await a11y(page, "import page", { landmarks: true });
		await page.getByRole("button", { name: /Keluar|Log out/ }).click();
		await page.waitForURL(/login/);
		await login(page, custodian.user, custodian.password);
		await page.goto(`${base}/lapor/identitas`);
		await a11y(page, "identity page", { landmarks: true });
	} catch (e) {
		failWith("accessibility of the import and identity forms", e);
	} finally {
		await ctx.close();
	}
}

// The workflow definition: read by every officer, republished by the admin.
async function alur() {
	const { ctx, page } = await launch("halaman-alur", true);
	try {
		await login(page, admin.user, admin.password);
		await page.goto(`${base}/alur`);
		await a11y(page, "workflow page", { landmarks: true });
		const h1 = await page.locator("h1").textContent();
		const before = Number((h1.match(/versi aktif (\d+)/) || [])[1]);
		ok(before >= 1, "the title names the active version", h1);
		const stages = await page.locator("table.data").first().locator("tbody tr").count();
		ok(stages >= 8, "the stages table lists the workflow's stages", `${stages}`);
		const tahapan = await (await page.request.get(`${base}/alur/ekspor?berkas=tahapan`)).text();
		const transisi = await (await page.request.get(`${base}/alur/ekspor?berkas=transisi`)).text();
		ok(tahapan.includes("kajian_bawaslu") && transisi.includes("kajian_bawaslu"),
			"both CSV files of the active version download");
		const csv = (name, text) => ({ name, mimeType: "text/csv", buffer: Buffer.from(text) });

		// A stage line cut short is refused whole, with its line.
		const broken = tahapan.trim().split("\n");
		broken[2] = broken[2].split(",").slice(0, 2).join(",");
		await page.getByLabel("tahapan.csv").setInputFiles(csv("tahapan.csv", broken.join("\n") + "\n"));
		await page.getByLabel("transisi.csv").setInputFiles(csv("transisi.csv", transisi));
		await submit(page, /^(Simpan|Save)$/);
		const refused = await page.locator("main").textContent();
		ok(/baris 3|line 3/.test(refused), "a broken stages file is refused with its line", refused.slice(0, 400));
		ok((await page.locator("h1").textContent()) === h1, "and the active version is unchanged");

		await page.getByLabel("tahapan.csv").setInputFiles(csv("tahapan.csv", tahapan));
		await page.getByLabel("transisi.csv").setInputFiles(csv("transisi.csv", transisi));
		await page.locator("#catatan").fill("Uji peramban: terbit ulang tanpa perubahan");
		await submit(page, /^(Simpan|Save)$/);
		ok(page.url().endsWith("/alur?disimpan=1"), "publishing redirects back with a notice", page.url());
		const after = Number(((await page.locator("h1").textContent()).match(/versi aktif (\d+)/) || [])[1]);
		ok(after === before + 1, "the new version is active", `${before} -> ${after}`);
		ok((await page.locator("main").textContent()).includes("Uji peramban: terbit ulang"),
			"the versions table shows the note");
		await page.screenshot({ path: join(shots, "alur.png"), fullPage: true });
	} catch (e) {
		failWith("workflow page", e);
	} finally {
		await ctx.close();
	}
}

// Public keys of an instansi and a document template.
async function kunciDanTemplat() {
	const { ctx, page } = await launch("halaman-kunci", true);
	try {
		const res = await page.goto(`${base}/instansi/3302/kunci`);
		ok(res.status() === 200, "an instansi's public keys need no login", `${res.status()}`);
		await axe(page, "public key page");
		ok(/Kunci publik .*Banyumas/.test(await page.locator("h1").textContent()), "the key page names the instansi");
		const api = await (await page.request.get(`${base}/api/v1/instansi/3302/kunci`)).json();
		ok(/^[0-9a-f]{64}$/.test(api.kunci[0].public_key) &&
			(await page.locator("main").textContent()).includes(api.kunci[0].public_key),
			"it shows the current Ed25519 public key, the same as the API's", JSON.stringify(api).slice(0, 200));
		const missing = await page.goto(`${base}/instansi/9999/kunci`);
		ok(missing.status() === 404, "an unknown instansi is a 404", `${missing.status()}`);

		await login(page, bkpsdm.user, bkpsdm.password);
		await page.goto(`${base}/kampanye/templat`);
		const link = page.locator("main a[href^='/kampanye/templat/']").first();
		const href = await link.getAttribute("href");
		await Promise.all([page.waitForNavigation(), link.click()]);
		ok(page.url().endsWith(href), "a template opens from the list", page.url());
		await axe(page, "template page");
		ok((await page.locator("main").textContent()).length > 200, "the template page shows the document text");
	} catch (e) {
		failWith("public keys and template pages", e);
	} finally {
		await ctx.close();
	}
}

// The custodian opens a sealed identity; the reporter sees the opening.
async function identitas() {
	const { ctx, page } = await launch("halaman-identitas", false);
	try {
		await login(page, custodian.user, custodian.password);
		await page.goto(`${base}/lapor/identitas`);
		const fill = async (pass) => {
			await page.getByLabel(/Nomor laporan|Report number/).fill(rahasia.nomor);
			await page.getByLabel(/Alasan membuka|Reason for opening/).fill("Permintaan klarifikasi tertulis Bawaslu (uji peramban)");
			await page.getByLabel(/Frasa sandi|passphrase/).fill(pass);
			await submit(page, /Buka identitas|Open the identity/);
		};
		await fill("bukan-frasa-yang-benar");
		ok(!(await page.locator("main").textContent()).includes(rahasia.nama), "a wrong passphrase opens nothing");
		ok(await page.locator(".notice.error, [role=alert]").count() > 0, "and says why");
		await fill(passphrase);
		ok((await page.locator("main").textContent()).includes(rahasia.nama), "the right passphrase shows the identity");
		await page.screenshot({ path: join(shots, "identitas.png"), fullPage: true });
	} catch (e) {
		failWith("identity page", e);
	} finally {
		await ctx.close();
	}
	const r = await launch("halaman-pantau", false);
	try {
		await r.page.goto(`${base}/lapor/pantau`);
		await r.page.getByLabel(/Kode tanda terima|Receipt code/).fill(rahasia.receipt);
		await submit(r.page, /Lihat|Show|Pantau|Follow/);
		ok((await r.page.locator("main").textContent()).includes("Identitas Anda dibuka oleh petugas"),
			"the reporter sees that the identity was opened");
	} catch (e) {
		failWith("reporter follow-up page", e);
	} finally {
		await r.ctx.close();
	}
}

await formsA11y();
await impor();
await alur();
await kunciDanTemplat();
await identitas();
done();
