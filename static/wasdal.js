/* Progressive enhancement only: every task works without this file.
 * In the employee filters, choosing another instansi clears the chosen
 * work unit (units belong to one instansi). Nothing is submitted on change:
 * the user presses the button (WCAG 3.2.2). */
"use strict";
/* The report form: identity fields are shown only when the reporter
 * chose confidential or open (without JavaScript they are always shown,
 * with a note, and ignored for anonymous reports). */
document.addEventListener("DOMContentLoaded", function () {
	var form = document.querySelector("form.lapor");
	if (!form) return;
	var box = form.querySelector(".identitas");
	var radios = form.querySelectorAll("input[name=pelapor_mode]");
	if (!box || !radios.length) return;
	function sync() {
		var mode = form.querySelector("input[name=pelapor_mode]:checked");
		box.hidden = !mode || mode.value === "anonim";
	}
	for (var i = 0; i < radios.length; i++) radios[i].addEventListener("change", sync);
	sync();
});
document.addEventListener("DOMContentLoaded", function () {
	var form = document.querySelector("form.filters");
	if (!form) return;
	var inst = form.querySelector("select[name=instansi]");
	var unit = form.querySelector("select[name=unit]");
	if (inst && unit) {
		inst.addEventListener("change", function () { unit.value = ""; });
	}
});
/* A print button (declarations, slips) is shown only when it can work. */
document.addEventListener("DOMContentLoaded", function () {
	var buttons = document.querySelectorAll("button[data-print]");
	for (var i = 0; i < buttons.length; i++) {
		buttons[i].hidden = false;
		buttons[i].addEventListener("click", function () { window.print(); });
	}
});
