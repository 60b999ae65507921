// Lede: progressive enhancement only. Every page works without this file.
(function () {
  "use strict";
  // Copy-link and Web Share buttons are hidden until the browser can do them.
  document.querySelectorAll("button.copy-link").forEach(function (b) {
    if (!navigator.clipboard) return;
    b.hidden = false;
    b.addEventListener("click", function () {
      navigator.clipboard.writeText(b.dataset.url).then(function () {
        var old = b.textContent; b.textContent = "Copied"; setTimeout(function () { b.textContent = old; }, 1500);
      });
    });
  });
  document.querySelectorAll("button.web-share").forEach(function (b) {
    if (!navigator.share) return;
    b.hidden = false;
    b.addEventListener("click", function () {
      navigator.share({ title: b.dataset.title, url: b.dataset.url }).catch(function () {});
    });
  });
  // Teaser clicks: report with a beacon and go straight to the article, skipping the redirect.
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[data-direct]");
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (!navigator.sendBeacon) return;
    var ok = navigator.sendBeacon("/api/events", new Blob([JSON.stringify({
      type: "click", article: a.dataset.article, from: a.dataset.from, slot: Number(a.dataset.slot),
      variant: a.dataset.variant || "", ts: new Date().toISOString()
    })], { type: "application/json" }));
    if (ok) { e.preventDefault(); window.location.href = a.dataset.direct; }
  });
})();
