// @ts-check
// sphinx-careerblog: loads a Disqus thread into #disqus_thread. The page only
// carries data- attributes (escaped by the extension); nothing here is generated.
(function () {
  "use strict";
  const thread = document.getElementById("disqus_thread");
  if (!thread) return;
  const shortname = thread.dataset.cbDisqusShortname || "";
  if (!/^[A-Za-z0-9-]+$/.test(shortname)) return;
  const identifier = thread.dataset.cbDisqusIdentifier || "";
  const url = thread.dataset.cbDisqusUrl || "";
  /** @type {any} */ (window).disqus_config = /** @this {any} */ function () {
    if (url) this.page.url = url;
    if (identifier) this.page.identifier = identifier;
  };
  const script = document.createElement("script");
  script.src = "https://" + shortname + ".disqus.com/embed.js";
  script.setAttribute("data-timestamp", String(Date.now()));
  script.async = true;
  document.body.appendChild(script);
})();
