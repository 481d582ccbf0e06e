/* symptomdb: progressive enhancement only. Every page works without this file.
 *
 * Autocomplete (ARIA 1.2 combobox + listbox) for inputs with data-suggest="condition,symptom":
 *  - in a search box, choosing a suggestion opens its page;
 *  - with data-target="ID" (symptom checker), choosing fills the box and the hidden input ID with the
 *    chosen id, and the form's "Add" button then adds exactly that symptom.
 */
(function () {
  "use strict";

  var MIN_CHARS = 2;
  var DELAY_MS = 120;
  var counter = 0;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function setupCombobox(input) {
    counter += 1;
    var kinds = input.getAttribute("data-suggest") || "condition,symptom";
    var target = input.getAttribute("data-target");
    var hidden = target ? document.getElementById(target) : null;
    var listId = (input.id || "suggest-" + counter) + "-listbox";

    // Wrap the input so that the list can be positioned under it. Moving an element drops its
    // focus, so give it back (the checker's box has autofocus after each added symptom).
    var hadFocus = document.activeElement === input || input.hasAttribute("autofocus");
    var wrapper = el("div", "combo");
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);
    if (hadFocus) input.focus();
    var list = el("ul", "suggestions");
    list.id = listId;
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    wrapper.appendChild(list);
    var status = el("div", "visually-hidden");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var items = [];
    var active = -1;
    var timer = null;
    var controller = null;
    var lastQuery = "";

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var options = list.querySelectorAll("[role=option]");
      for (var i = 0; i < options.length; i++) {
        options[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(index) {
      var item = items[index];
      if (!item) return;
      if (hidden) {
        hidden.value = item.id;
        input.value = item.label;
        close();
        status.textContent = item.label + " chosen. Press Enter to add it.";
      } else {
        close();
        window.location.assign(item.url);
      }
    }

    function render(matches) {
      list.textContent = "";
      items = [];
      matches.forEach(function (m, i) {
        var label = m.kind === "symptom" && m.plain_name ? m.plain_name : m.name;
        var option = el("li");
        option.id = listId + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var main = el("span", null, label);
        if (m.matched_name && m.matched_name.toLowerCase() !== label.toLowerCase()) {
          main.appendChild(el("span", "alt", " (" + m.matched_name + ")"));
        }
        option.appendChild(main);
        if (!hidden) option.appendChild(el("span", "kind", m.kind === "symptom" ? "symptom" : m.id));
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep focus in the input
          choose(i);
        });
        list.appendChild(option);
        items.push({ id: m.id, url: m.url, label: label });
      });
      active = -1;
      if (items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = items.length + " suggestion" + (items.length === 1 ? "" : "s") + ". Use the arrow keys to choose.";
      } else {
        close();
        status.textContent = "No suggestions.";
      }
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      if (q.length < MIN_CHARS) {
        close();
        return;
      }
      if (q === lastQuery && items.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        return;
      }
      lastQuery = q;
      if (controller) controller.abort();
      controller = "AbortController" in window ? new AbortController() : null;
      var url = "/api/v1/suggest?limit=8&kind=" + encodeURIComponent(kinds) + "&q=" + encodeURIComponent(q);
      fetch(url, { signal: controller ? controller.signal : undefined, headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { matches: [] };
        })
        .then(function (data) {
          if (input.value.trim() === q) render(data.matches || []);
        })
        .catch(function () {
          /* aborted or offline: the form still works without suggestions */
        });
    }

    input.addEventListener("input", function () {
      if (hidden) hidden.value = "";
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && items.length > 0;
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          if (!open) {
            fetchSuggestions();
            return;
          }
          highlight(active + 1 >= items.length ? 0 : active + 1);
          break;
        case "ArrowUp":
          if (!open) return;
          event.preventDefault();
          highlight(active <= 0 ? items.length - 1 : active - 1);
          break;
        case "Enter":
          if (open && active >= 0) {
            event.preventDefault();
            choose(active);
          }
          break;
        case "Escape":
          if (open) {
            event.preventDefault();
            close();
          }
          break;
        case "Tab":
          close();
          break;
      }
    });

    input.addEventListener("blur", function () {
      setTimeout(close, 150);
    });
  }

  function init() {
    var inputs = document.querySelectorAll("input[data-suggest]");
    for (var i = 0; i < inputs.length; i++) setupCombobox(inputs[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
