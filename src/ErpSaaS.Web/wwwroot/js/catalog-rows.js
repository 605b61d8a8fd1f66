// Forms with repeating rows (a product's unit conversions and barcodes): "add" copies the row template with the
// next index, so the new inputs bind like the rows the server rendered.
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-erp-add-row]");
    if (!button) return;
    var rows = document.getElementById(button.getAttribute("data-erp-add-row"));
    var template = rows && rows.querySelector("template");
    if (!template) return;
    var index = rows.querySelectorAll("[data-erp-row]").length;
    var html = template.innerHTML.replace(/__row__/g, String(index));
    template.insertAdjacentHTML("beforebegin", html);
    var added = template.previousElementSibling;
    var first = added && added.querySelector("input, select");
    if (first) first.focus();
  });
})();
