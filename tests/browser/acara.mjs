// Browser test (TAP) of apel and sosialisasi: a bkpsdm officer creates an
// event, ticks attendance and reads the coverage page (SVG chart and table)
// with JavaScript on; an asn checks in with the code with JavaScript off,
// inside and outside the event window. axe-core WCAG A/AA checks where
// JavaScript is on (page.evaluate needs it).
import { join } from "node:path";
import { axe, base, done, failWith, launch, login, ok, shots, watchErrors } from "./lib.mjs";

const bkUser = process.env.BK_USER, bkPass = process.env.BK_PASSWORD;
const asnUser = process.env.ASN_USER, asnPass = process.env.ASN_PASSWORD;

// "YYYY-MM-DDTHH:MM" in WIB, offset by minutes from now.
function wib(minutes) {
	const t = new Date(Date.now() + (7 * 60 + minutes) * 60000);
	return t.toISOString().slice(0, 16);
}

let openCode = "", pastCode = "";

async function createEvent(page, jenis, topik, mulai, selesai) {
	await page.goto(`${base}/acara/baru`);
	await page.getByLabel("Jenis acara").selectOption(jenis);
	await page.getByLabel("Topik").fill(topik);
	await page.getByLabel("Mulai (WIB)").fill(mulai);
	await page.getByLabel("Selesai (WIB)").fill(selesai);
	await page.getByLabel("Tempat").fill("Aula BKPSDM");
	await page.getByLabel("Narasumber").fill("Bawaslu Kabupaten Banyumas");
	await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Simpan" }).click()]);
	return (await page.locator(".kode-acara").textContent()) || "";
}

async function officer() {
	const { ctx, page } = await launch("acara-js", true);
	const errors = watchErrors(page, { console: false });
	try {
		await login(page, bkUser, bkPass);
		await page.goto(`${base}/acara`);
		ok((await page.locator("h1").textContent()) === "Apel dan sosialisasi", "the event list");
		await axe(page, "acara list");
		await page.goto(`${base}/acara/baru`);
		await axe(page, "new event form");
		// an invalid form keeps the values and marks the field
		await page.getByLabel("Topik").fill("Sosialisasi uji peramban");
		await page.getByLabel("Mulai (WIB)").fill(wib(60));
		await page.getByLabel("Selesai (WIB)").fill(wib(-60));
		await page.getByLabel("Tempat").fill("Aula");
		await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Simpan" }).click()]);
		ok(await page.locator("#selesai[aria-invalid=true]").count() === 1, "an end before the start is marked on the field");
		ok((await page.getByLabel("Topik").inputValue()) === "Sosialisasi uji peramban", "the form keeps what was typed");
		await axe(page, "form with errors");
		openCode = await createEvent(page, "sosialisasi", "Sosialisasi uji peramban", wib(-30), wib(120));
		ok(/^[A-Z0-9]{6}$/.test(openCode), "the new event shows its check-in code", openCode);
		await axe(page, "event page");
		await page.screenshot({ path: join(shots, "acara.png"), fullPage: true });
		const eventUrl = page.url().replace(/\?.*$/, "");
		pastCode = await createEvent(page, "apel", "Apel kemarin", wib(-26 * 60), wib(-25 * 60));
		// tick two employees on the paged list
		await page.goto(`${eventUrl}/peserta`);
		await axe(page, "tick list");
		const boxes = page.locator("input[name=nip]:not([disabled])");
		ok(await boxes.count() >= 2, "the tick list offers employees");
		await boxes.nth(0).check();
		await boxes.nth(1).check();
		await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Simpan kehadiran" }).click()]);
		ok((await page.locator(".notice.ok").textContent()).includes("2 pegawai baru dicatat hadir"), "ticking records two employees");
		ok(await page.locator("input[name=nip][disabled]").count() >= 2, "ticked employees are shown as present");
		await page.goto(eventUrl);
		ok((await page.locator("dl.facts").textContent()).includes("2 dari"), "the event page counts them");
		// coverage: chart and the table beside it
		await page.goto(`${base}/cakupan`);
		await axe(page, "coverage");
		ok(await page.locator("figure.chart svg[role=img] title").count() === 1, "the coverage chart is an accessible SVG");
		const bars = await page.locator("figure.chart svg rect[fill='#0b3d6b']").count();
		const rows = await page.locator("table.cakupan tbody tr").count();
		ok(bars > 0 && rows === bars + 1, "one bar per unit and the same units in the table (plus the total)", `${bars} bars, ${rows} rows`);
		const box = await page.locator("figure.chart").boundingBox();
		const tbox = await page.locator("table.cakupan").boundingBox();
		ok(box && tbox && tbox.x > box.x + box.width - 5, "the table is beside the chart on a wide screen");
		await page.screenshot({ path: join(shots, "cakupan.png"), fullPage: true });
		const dl = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "XLSX" }).click()]);
		ok(/^cakupan-3302-.*\.xlsx$/.test(dl[0].suggestedFilename()), "the XLSX export downloads", dl[0].suggestedFilename());
		ok(errors.length === 0, "no page errors", errors.join(" | "));
	} finally {
		await ctx.close();
	}
}

async function attendee() {
	const { ctx, page } = await launch("acara-nojs", false);
	try {
		await login(page, asnUser, asnPass);
		await page.getByRole("link", { name: "Presensi acara" }).first().click();
		ok((await page.locator("h1").textContent()) === "Presensi acara", "no JavaScript: the check-in page");
		await page.getByLabel("Kode acara").fill(pastCode);
		await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Catat kehadiran saya" }).click()]);
		ok((await page.locator(".notice.error").textContent()).includes("acara sudah selesai"), "no JavaScript: outside the window is refused clearly");
		await page.getByLabel("Kode acara").fill(openCode.toLowerCase());
		await Promise.all([page.waitForNavigation(), page.getByRole("button", { name: "Catat kehadiran saya" }).click()]);
		ok((await page.locator(".notice.ok").textContent()).includes("telah dicatat"), "no JavaScript: check-in inside the window");
		await page.screenshot({ path: join(shots, "hadir.png"), fullPage: true });
	} finally {
		await ctx.close();
	}
}

try {
	await officer();
	await attendee();
} catch (e) {
	failWith("the browser run finished", e);
}
done();
