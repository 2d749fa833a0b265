// Comments under a post (journal_comments): the provider's script is inserted only
// when the reader scrolls near the placeholder, with the theme of the page's mode
// (furo's data-theme on <body>: light, dark, or auto = the system's preference),
// and the widget follows the mode when the reader switches it.
(() => {
  "use strict";
  const PROVIDERS = {
    giscus: {
      script: "https://giscus.app/client.js",
      origin: "https://giscus.app",
      themeAttribute: "data-theme",
      message: (theme) => ({ giscus: { setConfig: { theme } } }),
    },
    utterances: {
      script: "https://utteranc.es/client.js",
      origin: "https://utteranc.es",
      themeAttribute: "theme",
      message: (theme) => ({ type: "set-theme", theme }),
    },
  };
  const dark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function mode() {
    const chosen = document.body.dataset.theme;
    if (chosen === "light" || chosen === "dark") return chosen;
    return dark && dark.matches ? "dark" : "light";
  }

  function theme(box) {
    return mode() === "dark" ? box.dataset.themeDark : box.dataset.themeLight;
  }

  function load(box) {
    const provider = PROVIDERS[box.dataset.provider];
    if (!provider || box.dataset.loaded) return;
    box.dataset.loaded = "true";
    const script = document.createElement("script");
    let attributes = {};
    try {
      attributes = JSON.parse(box.dataset.attributes || "{}");
    } catch (error) {
      return;
    }
    for (const [name, value] of Object.entries(attributes)) {
      if (name !== "src" && !name.startsWith("on")) script.setAttribute(name, String(value));
    }
    script.setAttribute(provider.themeAttribute, theme(box));
    script.src = provider.script;
    script.async = true;
    script.crossOrigin = "anonymous";
    script.addEventListener("load", () => {
      const waiting = box.querySelector(".journal-comments-waiting");
      if (waiting) waiting.remove();
    });
    box.appendChild(script);
  }

  function retheme(box) {
    const provider = PROVIDERS[box.dataset.provider];
    const frame = box.querySelector("iframe");
    if (provider && frame && frame.contentWindow) {
      frame.contentWindow.postMessage(provider.message(theme(box)), provider.origin);
    }
  }

  function start() {
    const boxes = Array.from(document.querySelectorAll(".journal-comments-widget"));
    if (!boxes.length) return;
    if ("IntersectionObserver" in window) {
      const observer = new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (entry.isIntersecting) {
              observer.unobserve(entry.target);
              load(entry.target);
            }
          }
        },
        { rootMargin: "400px 0px" },
      );
      boxes.forEach((box) => observer.observe(box));
    } else {
      boxes.forEach(load);
    }
    const update = () => boxes.forEach(retheme);
    new MutationObserver(update).observe(document.body, {
      attributes: true,
      attributeFilter: ["data-theme"],
    });
    if (dark && dark.addEventListener) dark.addEventListener("change", update);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
