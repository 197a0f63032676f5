/* Progressive enhancement of the BerAKHLAK meeting screen; everything works
 * without it (anchors, next/previous links). Adds: arrow keys, Page Up/Page
 * Down (what presentation remotes send), Home/End; and, when the page was
 * opened with putar=1 (main[data-putar] = seconds), an automatic cycle
 * through the slides that the key "p" pauses and resumes. */
"use strict";
document.addEventListener("DOMContentLoaded", function () {
	var main = document.querySelector("body.layar main");
	if (!main) return;
	var single = main.classList.contains("tunggal");
	var slides = Array.prototype.slice.call(main.querySelectorAll("section.slide"));
	function current() {
		var best = 0, bestDist = Infinity;
		slides.forEach(function (s, i) {
			var d = Math.abs(s.getBoundingClientRect().top);
			if (d < bestDist) { best = i; bestDist = d; }
		});
		return best;
	}
	function follow(rel) {
		var a = main.querySelector("a[rel=" + rel + "]");
		if (a) window.location.href = a.href;
		return !!a;
	}
	function go(i) {
		if (i < 0 || i >= slides.length) return false;
		var s = slides[i];
		if (window.history && history.replaceState) history.replaceState(null, "", "#" + s.id);
		s.scrollIntoView();
		var h = s.querySelector("h1, h2");
		if (h) { h.setAttribute("tabindex", "-1"); h.focus({ preventScroll: true }); }
		return true;
	}
	function step(d) {
		if (single) return follow(d > 0 ? "next" : "prev");
		return go(current() + d);
	}
	document.addEventListener("keydown", function (e) {
		if (e.altKey || e.ctrlKey || e.metaKey) return;
		var t = e.target && e.target.tagName;
		if (t === "INPUT" || t === "TEXTAREA" || t === "SELECT") return;
		var handled = false;
		switch (e.key) {
		case "ArrowRight": case "ArrowDown": case "PageDown": handled = step(1); break;
		case "ArrowLeft": case "ArrowUp": case "PageUp": handled = step(-1); break;
		case "Home": handled = single ? false : go(0); break;
		case "End": handled = single ? false : go(slides.length - 1); break;
		case "p": case "P": toggle(); handled = true; break;
		}
		if (handled) e.preventDefault();
	});
	var secs = parseInt(main.getAttribute("data-putar") || "0", 10);
	var timer = null;
	function tick() {
		if (single) { if (!follow("next")) { var a = main.querySelector("a[rel=prev]"); if (a) window.location.href = a.href.replace(/nilai=\d+/, "nilai=0"); } return; }
		var i = current() + 1;
		go(i >= slides.length ? 0 : i);
	}
	function toggle() {
		if (!secs) return;
		if (timer) { clearInterval(timer); timer = null; }
		else timer = setInterval(tick, secs * 1000);
	}
	if (secs > 0) toggle();
});
