// @ts-check
// sphinx-careerblog: filter the blog index by category, tag, author and year, over
// every post of the catalog (posts.json, read once). Without JavaScript the page keeps
// its paginated list; nothing here is sent anywhere.
"use strict";

(() => {
  const core = globalThis.cbFilterCore;

  /**
   * @typedef {{
   *   heading: string, facets: Record<string, string>, clear: string,
   *   results: {one: string, other: string}, by: string, in_category: string,
   *   tagged: string, draft: string, scheduled: string,
   *   reading: {one: string, other: string},
   *   no_posts: string, error: string
   * }} Labels
   */

  /**
   * @param {string} tag
   * @param {string} [className]
   * @param {string} [text]
   */
  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  /**
   * A link, or plain text when the URL is not safe to link.
   * @param {string} text
   * @param {string | null} url
   */
  function link(text, url) {
    if (!url || !core.isSafeUrl(url)) {
      return document.createTextNode(text);
    }
    const anchor = element("a", "", text);
    anchor.setAttribute("href", url);
    return anchor;
  }

  class BlogFilter {
    /** @param {HTMLElement} root */
    constructor(root) {
      this.root = root;
      this.language = document.documentElement.lang || "";
      const labelsNode = root.querySelector("script.cb-filter-labels");
      /** @type {Labels} */
      this.labels = JSON.parse(labelsNode?.textContent || "{}");
      this.siteRoot = new URL(root.dataset.cbRoot || "./", document.baseURI).href;
      this.catalogUrl = new URL(root.dataset.cbCatalog || "posts.json", document.baseURI).href;
      /** @type {CatalogPost[]} */
      this.posts = [];
      this.base = null;
      this.state = core.parseQuery(window.location.search);
      this.staticParts = document.querySelectorAll(
        ".cb-page-posts:not(.cb-filter-results), .cb-pagination, .cb-page-number",
      );
    }

    async start() {
      try {
        const response = await fetch(this.catalogUrl, { credentials: "same-origin" });
        const catalog = await response.json();
        this.posts = Array.isArray(catalog.posts) ? catalog.posts : [];
        this.base = typeof catalog.base_url === "string" ? catalog.base_url : null;
      } catch {
        return; // the paginated list stays as it is
      }
      this.buildForm();
      this.results = element("ol", "cb-page-posts cb-filter-results");
      this.status = element("p", "cb-filter-status");
      this.status.setAttribute("role", "status");
      this.status.setAttribute("aria-live", "polite");
      this.root.append(this.status, this.results);
      this.root.hidden = false;
      this.render();
      window.addEventListener("popstate", () => {
        this.state = core.parseQuery(window.location.search);
        this.syncChecks();
        this.render();
      });
    }

    buildForm() {
      const form = element("form", "cb-filter-form");
      form.setAttribute("role", "search");
      form.setAttribute("aria-label", this.labels.heading);
      form.addEventListener("submit", (event) => event.preventDefault());
      const values = core.facetValues(this.posts);
      for (const facet of core.FACETS) {
        if (values[facet].length > 0) {
          form.append(this.fieldset(facet, values[facet]));
        }
      }
      const clear = element("button", "cb-filter-clear", this.labels.clear);
      clear.setAttribute("type", "button");
      clear.addEventListener("click", () => {
        this.state = core.emptyState();
        this.syncChecks();
        this.update();
      });
      form.append(clear);
      this.form = form;
      this.root.append(form);
    }

    /**
     * One group of checkboxes, each a real labelled input (keyboard and screen reader).
     * @param {Facet} facet
     * @param {FacetValue[]} values
     */
    fieldset(facet, values) {
      const group = element("fieldset", `cb-filter-facet cb-filter-facet-${facet}`);
      group.append(element("legend", "", this.labels.facets[facet] || facet));
      const list = element("ul", "cb-filter-values");
      for (const item of values) {
        const entry = element("li", "cb-filter-value");
        const label = element("label");
        const input = /** @type {HTMLInputElement} */ (element("input"));
        input.type = "checkbox";
        input.name = facet;
        input.value = item.value;
        input.checked = this.state[facet].includes(item.value);
        input.addEventListener("change", () => {
          const chosen = this.state[facet].filter((value) => value !== item.value);
          this.state[facet] = input.checked ? [...chosen, item.value] : chosen;
          this.update();
        });
        label.append(input, ` ${item.title} `, element("span", "cb-filter-count", `(${item.count})`));
        entry.append(label);
        list.append(entry);
      }
      group.append(list);
      return group;
    }

    syncChecks() {
      for (const input of this.form?.querySelectorAll("input[type=checkbox]") || []) {
        const box = /** @type {HTMLInputElement} */ (input);
        const facet = /** @type {Facet} */ (box.name);
        box.checked = this.state[facet].includes(box.value);
      }
    }

    update() {
      const url = window.location.pathname + core.toQuery(this.state) + window.location.hash;
      window.history.replaceState(null, "", url);
      this.render();
    }

    render() {
      const active = !core.isEmpty(this.state);
      for (const part of this.staticParts) {
        /** @type {HTMLElement} */ (part).hidden = active;
      }
      this.results?.replaceChildren();
      if (!this.results || !this.status) {
        return;
      }
      this.results.hidden = !active;
      if (!active) {
        this.status.textContent = "";
        return;
      }
      const found = core.filterPosts(this.posts, this.state);
      this.status.textContent = core.countLabel(this.labels.results, found.length, this.language);
      for (const post of found) {
        this.results.append(this.entry(post));
      }
    }

    /** @param {CatalogPost} post */
    entry(post) {
      const item = element("li", post.draft ? "cb-entry cb-entry-draft" : "cb-entry");
      const title = element("h2", "cb-entry-title");
      const url = post.external_link || core.localUrl(post.url, this.base, this.siteRoot);
      title.append(link(post.title, url));
      if (post.draft) {
        // as the static lists mark it: a scheduled post with its day, others "Draft"
        const mark =
          post.scheduled && post.date
            ? this.labels.scheduled.replace("%s", this.formatDate(post.date))
            : this.labels.draft;
        title.append(" ", element("span", "cb-draft-marker", mark));
      }
      item.append(title, this.meta(post));
      if (post.summary) {
        item.append(element("p", "cb-entry-summary", post.summary.split("\n\n")[0]));
      }
      return item;
    }

    /** @param {CatalogPost} post */
    meta(post) {
      const meta = element("p", "cb-entry-meta");
      if (post.date) {
        const time = element("time", "cb-entry-date", this.formatDate(post.date));
        time.setAttribute("datetime", post.date);
        meta.append(time);
      }
      if (post.authors.length > 0) {
        const names = post.authors.map((author) => author.name).join(", ");
        meta.append(element("span", "cb-entry-authors", ` · ${this.labels.by} ${names}`));
      }
      const minutes = core.countLabel(this.labels.reading, post.reading_minutes, this.language);
      meta.append(element("span", "cb-entry-reading-time", ` · ${minutes}`));
      return meta;
    }

    /** @param {string} iso */
    formatDate(iso) {
      try {
        /** @type {Intl.DateTimeFormatOptions} */
        const options = { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" };
        return new Intl.DateTimeFormat(this.language || undefined, options).format(new Date(iso));
      } catch {
        return iso.slice(0, 10);
      }
    }
  }

  function start() {
    for (const root of document.querySelectorAll(".cb-filter")) {
      new BlogFilter(/** @type {HTMLElement} */ (root)).start();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
