// @ts-check
// sphinx-careerblog blog-index filtering: pure logic, no DOM (tests/js/filter-core.test.mjs).
"use strict";

/**
 * @typedef {{slug: string, title: string}} Term
 * @typedef {{key: string, name: string}} Author
 * @typedef {{
 *   key: string, title: string, url: string, date: string | null, draft: boolean,
 *   scheduled: boolean,
 *   summary: string, reading_minutes: number, external_link: string | null,
 *   authors: Author[], categories: Term[], tags: Term[]
 * }} CatalogPost
 * @typedef {"category" | "tag" | "author" | "year"} Facet
 * @typedef {Record<Facet, string[]>} FilterState
 * @typedef {{value: string, title: string, count: number}} FacetValue
 */

globalThis.cbFilterCore = (() => {
  /** The facets, in the order the page shows them and the query lists them. */
  const FACETS = /** @type {Facet[]} */ (["category", "tag", "author", "year"]);

  /** @returns {FilterState} */
  function emptyState() {
    return { category: [], tag: [], author: [], year: [] };
  }

  /**
   * The filter a URL query asks for (`?tag=a,b&category=c&author=k&year=2024`).
   * @param {string} search
   * @returns {FilterState}
   */
  function parseQuery(search) {
    const params = new URLSearchParams(search);
    const state = emptyState();
    for (const facet of FACETS) {
      const raw = params.get(facet);
      if (raw) {
        const values = raw.split(",").map((value) => value.trim()).filter(Boolean);
        state[facet] = [...new Set(values)];
      }
    }
    return state;
  }

  /**
   * The query string of a filter ("" when nothing is chosen); commas stay readable.
   * @param {FilterState} state
   * @returns {string}
   */
  function toQuery(state) {
    const parts = [];
    for (const facet of FACETS) {
      if (state[facet].length > 0) {
        const values = state[facet].map((value) => encodeURIComponent(value));
        parts.push(`${facet}=${values.join(",")}`);
      }
    }
    return parts.length > 0 ? `?${parts.join("&")}` : "";
  }

  /** @param {FilterState} state */
  function isEmpty(state) {
    return FACETS.every((facet) => state[facet].length === 0);
  }

  /**
   * The values a post carries for one facet.
   * @param {CatalogPost} post
   * @param {Facet} facet
   * @returns {{value: string, title: string}[]}
   */
  function valuesOf(post, facet) {
    if (facet === "category") {
      return post.categories.map((term) => ({ value: term.slug, title: term.title }));
    }
    if (facet === "tag") {
      return post.tags.map((term) => ({ value: term.slug, title: term.title }));
    }
    if (facet === "author") {
      return post.authors.map((author) => ({ value: author.key, title: author.name }));
    }
    const year = post.date ? post.date.slice(0, 4) : "";
    return year ? [{ value: year, title: year }] : [];
  }

  /**
   * Whether a post matches: every facet with a choice (AND), any chosen value in it (OR).
   * @param {CatalogPost} post
   * @param {FilterState} state
   */
  function matches(post, state) {
    return FACETS.every((facet) => {
      const chosen = state[facet];
      if (chosen.length === 0) {
        return true;
      }
      return valuesOf(post, facet).some((item) => chosen.includes(item.value));
    });
  }

  /**
   * The posts a filter keeps, in catalog order (newest first).
   * @param {CatalogPost[]} posts
   * @param {FilterState} state
   */
  function filterPosts(posts, state) {
    return posts.filter((post) => matches(post, state));
  }

  /**
   * Every value of every facet with how many posts carry it: terms by title, years
   * newest first.
   * @param {CatalogPost[]} posts
   * @returns {Record<Facet, FacetValue[]>}
   */
  function facetValues(posts) {
    /** @type {Record<Facet, FacetValue[]>} */
    const result = { category: [], tag: [], author: [], year: [] };
    for (const facet of FACETS) {
      /** @type {Map<string, FacetValue>} */
      const seen = new Map();
      for (const post of posts) {
        for (const item of valuesOf(post, facet)) {
          const known = seen.get(item.value);
          if (known) {
            known.count += 1;
          } else {
            seen.set(item.value, { value: item.value, title: item.title, count: 1 });
          }
        }
      }
      const values = [...seen.values()];
      if (facet === "year") {
        values.sort((a, b) => b.value.localeCompare(a.value));
      } else {
        values.sort((a, b) => a.title.localeCompare(b.title, undefined, { sensitivity: "base" }));
      }
      result[facet] = values;
    }
    return result;
  }

  /**
   * Where a catalog URL points in the site being viewed: the catalog names the
   * published site (its base URL), but a local build or preview must link locally.
   * @param {string} url
   * @param {string | null} base the catalog's base_url
   * @param {string} root the site root as seen from this page (an absolute URL)
   */
  function localUrl(url, base, root) {
    const relative = base && url.startsWith(base) ? url.slice(base.length) : url;
    return new URL(relative, root).href;
  }

  /**
   * Whether a URL may become a link (the catalog is ours, but stay safe anyway).
   * @param {string} url
   */
  function isSafeUrl(url) {
    try {
      const protocol = new URL(url, "https://placeholder.invalid/").protocol;
      return protocol === "http:" || protocol === "https:";
    } catch {
      return false;
    }
  }

  /**
   * A label with `{count}` replaced, from the page's singular/plural pair, chosen by
   * the page language's plural rules (French says "0 billet", English "0 posts").
   * @param {{one: string, other: string}} forms
   * @param {number} count
   * @param {string} language
   */
  function countLabel(forms, count, language) {
    let rule = count === 1 ? "one" : "other";
    try {
      rule = new Intl.PluralRules(language || undefined).select(count);
    } catch {
      // an unknown language tag: keep the English rule
    }
    return (rule === "one" ? forms.one : forms.other).replace("{count}", String(count));
  }

  return {
    FACETS,
    emptyState,
    parseQuery,
    toQuery,
    isEmpty,
    valuesOf,
    matches,
    filterPosts,
    facetValues,
    localUrl,
    isSafeUrl,
    countLabel,
  };
})();
