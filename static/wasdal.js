/* Progressive enhancement only: every task works without this file.
 * In the employee filters, choosing another instansi clears the chosen
 * work unit (units belong to one instansi). Nothing is submitted on change:
 * the user presses the button (WCAG 3.2.2). */
"use strict";
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
