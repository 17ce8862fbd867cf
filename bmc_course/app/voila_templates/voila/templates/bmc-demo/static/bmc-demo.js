/* bmc-course demo page: what the kernel decides, the page does (scroll, address bar).
 *
 * The dashboard (bmc_course/widgets/demo_dashboard.py) writes two hidden elements:
 *   .bmc-demo-address [data-query]    the scene's canonical query (case, step, theme),
 *                                     built by bmc_course/logic/demo_scene.py;
 *   .bmc-demo-scroll [data-section][data-request]
 *                                     the step to bring into view, with a counter so the
 *                                     same step can be asked for twice;
 * and a hidden button, .bmc-demo-page-ready, which this script clicks once the page has
 * painted the dashboard: the kernel then draws what a bookmarked scene left for later (its
 * charts). A click is a message from the page, so the page is connected when it arrives.
 * This script watches the page for them. It only ever writes case/step/theme into the
 * address (other parameters, such as the token, stay as they are), and only values of
 * the expected shape: nothing the address or the kernel says is run or put in the page.
 * Loaded from our Voilà template (no network).
 */
(function () {
  "use strict";

  var SCENE_KEYS = ["case", "step", "theme"];
  var VALID = {
    case: /^[a-z0-9][a-z0-9-]{0,63}$/,
    step: /^[1-9]$/,
    theme: /^(light|dark)$/
  };
  var SECTION = /^[a-z_]{1,32}$/;
  var SCROLL_WAIT_MS = 5000; // a freshly revealed step may take a moment to be laid out
  var SETTLE_MS = 3000; // and the views above it a moment to reach their full height
  var lastQuery = null;
  var lastRequest = null;

  function sceneParams(query) {
    var found = [];
    var ok = true;
    new URLSearchParams(query).forEach(function (value, key) {
      if (SCENE_KEYS.indexOf(key) < 0 || !VALID[key].test(value)) {
        ok = false;
      } else {
        found.push([key, value]);
      }
    });
    return ok ? found : null;
  }

  function followAddress() {
    var marker = document.querySelector(".bmc-demo-address [data-query]");
    if (!marker) {
      return;
    }
    var query = marker.getAttribute("data-query");
    if (query === lastQuery) {
      return;
    }
    lastQuery = query;
    var scene = sceneParams(query);
    if (scene === null) {
      return;
    }
    var params = new URLSearchParams(window.location.search);
    SCENE_KEYS.forEach(function (key) {
      params.delete(key);
    });
    scene.forEach(function (pair) {
      params.set(pair[0], pair[1]);
    });
    var search = params.toString();
    window.history.replaceState(
      window.history.state,
      "",
      window.location.pathname + (search ? "?" + search : "") + window.location.hash
    );
  }

  function stickyBarHeight() {
    var bar = document.querySelector(".bmc-demo .bmc-demo-bar");
    return bar ? bar.getBoundingClientRect().height : 0;
  }

  function scroller(element) {
    for (var box = element.parentElement; box; box = box.parentElement) {
      var overflow = window.getComputedStyle(box).overflowY;
      if ((overflow === "auto" || overflow === "scroll") && box.scrollHeight > box.clientHeight) {
        return box;
      }
    }
    return document.scrollingElement || document.documentElement;
  }

  function offsetIn(element, box) {
    return element.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
  }

  function bringIntoView(target) {
    // land just under the sticky scene bar, not behind it
    target.style.scrollMarginTop = Math.ceil(stickyBarHeight() + 8) + "px";
    var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    target.scrollIntoView({ block: "start", behavior: still ? "auto" : "smooth" });
  }

  // Views above the target may still be drawing (a bookmarked scene opening, a chart
  // arriving) and push it down: while they settle, follow the target. A facilitator's own
  // scrolling does not move the target within the page, so it is never fought.
  function keepInView(target, box, offset, until) {
    if (Date.now() > until || !target.isConnected) {
      return;
    }
    var now = offsetIn(target, box);
    if (Math.abs(now - offset) > 1) {
      bringIntoView(target);
    }
    window.requestAnimationFrame(function () {
      keepInView(target, box, now, until);
    });
  }

  function scrollWhenShown(selector, deadline) {
    var target = document.querySelector(selector);
    if (target && target.getClientRects().length > 0) {
      bringIntoView(target);
      var box = scroller(target);
      keepInView(target, box, offsetIn(target, box), Date.now() + SETTLE_MS);
    } else if (Date.now() < deadline) {
      window.requestAnimationFrame(function () {
        scrollWhenShown(selector, deadline);
      });
    }
  }

  function followScrollRequest() {
    var marker = document.querySelector(".bmc-demo-scroll [data-request]");
    if (!marker) {
      return;
    }
    var request = marker.getAttribute("data-request");
    var section = marker.getAttribute("data-section") || "";
    if (request === lastRequest) {
      return;
    }
    lastRequest = request;
    if (SECTION.test(section)) {
      scrollWhenShown(".bmc-demo-section-" + section, Date.now() + SCROLL_WAIT_MS);
    }
  }

  // ipywidgets 8 draws a slider's handle as a <div role="slider"> that nothing names (its
  // description is a <label> beside it), so a screen reader hears a bare "slider" (axe:
  // aria-input-field-name, serious). Point each handle at its description label. The
  // course's JupyterLab extension does the same (labextension/src/sliderNames.ts).
  var sliderLabels = 0;

  function nameSliders() {
    document.querySelectorAll(".bmc-view .widget-slider .noUi-handle").forEach(function (handle) {
      var label = handle.closest(".widget-slider").querySelector(":scope > .widget-label");
      if (!label || !label.textContent.trim()) {
        return;
      }
      if (!label.id) {
        label.id = "bmc-slider-label-" + (sliderLabels += 1);
      }
      if (handle.getAttribute("aria-labelledby") !== label.id) {
        handle.setAttribute("aria-labelledby", label.id);
      }
    });
  }

  // Voilà's page shuts its kernel down as the tab closes, with a POST that carries the
  // value of the page's _xsrf cookie (checked against the cookie: "double submit"). Voilà
  // never sets that cookie, so the POST was refused — a "403 … '_xsrf' argument missing"
  // warning in the facilitator's terminal at every closed tab — and the kernel stayed until
  // the idle culling. Give the page one, random, for this server only.
  function ensureXsrfCookie() {
    if (/(^|;\s*)_xsrf=/.test(document.cookie) || !window.crypto) {
      return;
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    var token = Array.prototype.map
      .call(bytes, function (b) {
        return ("0" + b.toString(16)).slice(-2);
      })
      .join("");
    document.cookie = "_xsrf=" + token + "; path=/; SameSite=Strict";
  }

  ensureXsrfCookie();

  var readySent = false;

  function sayPageReady() {
    var button = document.querySelector("button.bmc-demo-page-ready");
    if (readySent || !button) {
      return;
    }
    readySent = true;
    // after the frame that shows the dashboard, so the room sees it before the rest comes
    window.requestAnimationFrame(function () {
      window.setTimeout(function () {
        button.click();
      }, 0);
    });
  }

  function follow() {
    followAddress();
    followScrollRequest();
    nameSliders();
    sayPageReady();
  }

  new MutationObserver(follow).observe(document.documentElement, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["data-query", "data-request"]
  });
  follow();
})();
