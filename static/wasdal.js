/* Progressive enhancement only: every task works without this file.
 * Submitting the filter form when a select changes saves a click. */
"use strict";
document.addEventListener("DOMContentLoaded", function () {
	var form = document.querySelector("form.filters");
	if (!form) return;
	form.querySelectorAll("select").forEach(function (sel) {
		sel.addEventListener("change", function () {
			/* A new instansi invalidates the chosen unit. */
			if (sel.name === "instansi") {
				var unit = form.querySelector("select[name=unit]");
				if (unit) unit.value = "";
			}
			form.submit();
		});
	});
});
