// Browser test (TAP) of the integrity pages: the BerAKHLAK meeting screen
// with and without JavaScript (keys of a presentation remote, next/previous
// links, one value per page) and the ceremony text; accessibility checks
// with axe-core like smoke.mjs (only where JavaScript is on: page.evaluate
// waits forever in a context without it).
import { join } from "node:path";
import { axe, base, done, failWith, launch, ok, shots, watchErrors } from "./lib.mjs";

const instansi = process.env.DEMO_INSTANSI || "3302";

// Which slide is at the top of the viewport.
async function topSlide(page) {
	return page.evaluate(() => {
		let best = "", dist = Infinity;
		for (const s of document.querySelectorAll("section.slide")) {
			const d = Math.abs(s.getBoundingClientRect().top);
			if (d < dist) { dist = d; best = s.id; }
		}
		return best;
	});
}

async function withJs() {
	const { ctx, page } = await launch("integrity-js", true, { width: 1280, height: 800 });
	const errors = watchErrors(page);
	try {
		await page.goto(`${base}/berakhlak/layar?instansi=${instansi}&judul=${encodeURIComponent("Rapat Koordinasi")}`);
		ok((await page.locator("h1").textContent()) === "Rapat Koordinasi", "layar: the meeting title is the heading");
		ok(await page.locator("section.slide.nilai").count() === 7, "layar: seven value slides");
		const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".nilai h2")).fontSize));
		ok(size >= 40, "layar: large type for the value names", `font-size ${size}px`);
		await axe(page, "layar");
		await page.screenshot({ path: join(shots, "layar.png") });
		await page.keyboard.press("PageDown");
		await page.waitForTimeout(900);
		ok(await topSlide(page) === "nilai-1", "layar: Page Down (remote) moves to the first value", await topSlide(page));
		await page.keyboard.press("ArrowRight");
		await page.waitForTimeout(900);
		ok(await topSlide(page) === "nilai-2", "layar: arrow right moves to the next value", await topSlide(page));
		await page.screenshot({ path: join(shots, "layar-akuntabel.png") });
		await page.keyboard.press("PageUp");
		await page.waitForTimeout(900);
		ok(await topSlide(page) === "nilai-1", "layar: Page Up moves back", await topSlide(page));
		await page.goto(`${base}/berakhlak/layar?instansi=${instansi}&nilai=1`);
		await Promise.all([page.waitForURL(/nilai=2/), page.keyboard.press("PageDown")]);
		ok((await page.locator("h1 .nama").textContent()) === "Akuntabel", "one value per page: Page Down follows the next link");
		await page.goto(`${base}/berakhlak/naskah-apel?instansi=${instansi}&lang=id`);
		ok(await page.locator("ol.nilai-naskah li").count() === 7, "naskah apel: seven values to read");
		await axe(page, "naskah apel");
		await page.screenshot({ path: join(shots, "naskah-apel.png"), fullPage: true });
		ok(errors.length === 0, "layar: no console errors", errors.join(" | "));
	} catch (e) {
		failWith("layar with JavaScript", e);
	} finally {
		await ctx.close();
	}
}

async function withoutJs() {
	const { ctx, page } = await launch("integrity-nojs", false, { width: 1280, height: 800 });
	try {
		await page.goto(`${base}/berakhlak/layar?instansi=${instansi}`);
		await page.getByRole("link", { name: "Satu nilai per halaman" }).click();
		await page.waitForURL(/nilai=0/);
		await Promise.all([page.waitForURL(/nilai=1/), page.getByRole("link", { name: /Mulai/ }).click()]);
		ok((await page.locator("h1 .nama").textContent()) === "Berorientasi Pelayanan", "no JavaScript: Start opens the first value");
		await Promise.all([page.waitForURL(/nilai=2/), page.getByRole("link", { name: /Berikutnya/ }).click()]);
		ok((await page.locator("h1 .nama").textContent()) === "Akuntabel", "no JavaScript: Next steps through the values");
		await page.keyboard.press("Tab"); // skip link first, then the links: keyboard reachable
		ok(await page.locator("a.skip:focus").count() === 1, "no JavaScript: the skip link is the first tab stop");
		await Promise.all([page.waitForURL(/lang=en/), page.getByRole("link", { name: /English/ }).click()]);
		ok((await page.locator("p.urutan").textContent()).startsWith("Value 2 of 7"), "no JavaScript: the English switch keeps the slide");
		await page.screenshot({ path: join(shots, "layar-nojs.png") });
	} catch (e) {
		failWith("layar without JavaScript", e);
	} finally {
		await ctx.close();
	}
}

await withJs();
await withoutJs();
done();
