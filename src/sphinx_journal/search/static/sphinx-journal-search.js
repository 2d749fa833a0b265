/* sphinx-journal: search result snippets leave out what the index leaves out.
   Sphinx's searchtools.js cuts each snippet from the page's HTML ([role="main"],
   without .headerlink, script and style), so a post's header (date, tags, reading
   time), marked no-search and so absent from the index, would still open every
   snippet. Sphinx offers no hook for the snippet's text: this wraps its one
   function, Search.htmlToText, and hands it the page without .no-search parts. */
"use strict";
(() => {
  if (typeof Search === "undefined" || typeof Search.htmlToText !== "function") return;
  const htmlToText = Search.htmlToText;
  Search.htmlToText = (htmlString, anchor) => {
    const page = new DOMParser().parseFromString(htmlString, "text/html");
    page.querySelectorAll(".no-search").forEach((element) => element.remove());
    return htmlToText(page.documentElement.outerHTML, anchor);
  };
})();
