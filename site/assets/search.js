// The search page: Pagefind's index through its JavaScript API, narrowed by kind, outlet, a name
// and month (the meta of each page), outlet and date in each result, the query and choices kept
// in the address.
// Pages are fully usable without it; the form in every header leads here.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script.getAttribute("data-root") || "";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var filterBox = document.getElementById("search-filters");
  var selects = Array.prototype.slice.call(filterBox.querySelectorAll("select"));
  var params = new URLSearchParams(location.search);
  var pageSize = 20;
  var pagefind = null, generation = 0, results = [], cursor = 0, timer = null;

  input.value = params.get("q") || "";
  // Browsers refuse to load the index's modules from file://: say so instead of waiting.
  if (location.protocol === "file:") {
    status.textContent = script.getAttribute("data-from-disk");
    return;
  }

  // The choices narrow by the meta Pagefind keeps of each page: `entities` is a list of keys.
  function chosen() {
    return selects.filter(function (select) { return select.value; })
      .map(function (select) { return { name: select.name, value: select.value }; });
  }

  function matches(data, choices) {
    var meta = data.meta || {};
    return choices.every(function (choice) {
      var value = meta[choice.name] || "";
      return choice.name === "entities" ? value.split(" ").indexOf(choice.value) >= 0 : value === choice.value;
    });
  }

  function remember() {
    var query = new URLSearchParams();
    if (input.value.trim()) query.set("q", input.value.trim());
    selects.forEach(function (select) { if (select.value) query.set(select.name, select.value); });
    var text = query.toString();
    history.replaceState(null, "", location.pathname + (text ? "?" + text : ""));
  }

  function render(data) {
    var item = document.createElement("li");
    var title = document.createElement("a");
    title.href = root + data.raw_url.replace(/^\//, "");
    title.textContent = (data.meta && data.meta.title) || data.raw_url;
    var heading = document.createElement("h2");
    heading.appendChild(title);
    item.appendChild(heading);
    var meta = data.meta || {};
    var facts = [meta.kind, meta.outlet, meta.date].filter(function (fact) { return fact; });
    if (facts.length) {
      var line = document.createElement("p");
      line.className = "meta";
      line.textContent = facts.join(" · ");
      item.appendChild(line);
    }
    var excerpt = document.createElement("p");
    excerpt.className = "excerpt";
    // Pagefind's excerpt is the page's text, escaped, with the hits in <mark>.
    excerpt.innerHTML = data.excerpt;
    item.appendChild(excerpt);
    return item;
  }

  // Loads results in batches until a page of them matches the choices or none are left.
  function showMore() {
    var token = generation;
    var choices = chosen();
    var found = 0;
    function batch() {
      if (token !== generation) return;
      if (found >= pageSize || cursor >= results.length) {
        more.hidden = cursor >= results.length;
        if (!list.children.length) status.textContent = script.getAttribute("data-none");
        return;
      }
      var next = results.slice(cursor, cursor + pageSize);
      cursor += next.length;
      return Promise.all(next.map(function (result) { return result.data(); })).then(function (pages) {
        if (token !== generation) return;
        pages.forEach(function (data) {
          if (!matches(data, choices)) return;
          found += 1;
          list.appendChild(render(data));
        });
        return batch();
      });
    }
    return batch();
  }

  function run() {
    remember();
    var term = input.value.trim();
    var token = ++generation;
    list.textContent = "";
    more.hidden = true;
    if (!term) {
      // Without a term a choice is a list the site already has: say so and link it.
      status.textContent = chosen().length ? script.getAttribute("data-need-term") : "";
      selects.forEach(function (select) {
        var option = select.selectedOptions[0];
        if (!select.value || !option || !option.getAttribute("data-page")) return;
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = option.getAttribute("data-page");
        link.textContent = script.getAttribute("data-listed") + " " + option.textContent;
        item.appendChild(link);
        list.appendChild(item);
      });
      return;
    }
    pagefind.search(term).then(function (search) {
      if (token !== generation) return;
      results = search.results;
      cursor = 0;
      status.textContent = results.length ? results.length + " " + script.getAttribute("data-results") : script.getAttribute("data-none");
      return showMore();
    });
  }

  selects.forEach(function (select) {
    var wanted = params.get(select.name);
    if (wanted) select.value = wanted;
  });

  import(new URL(root + "pagefind/pagefind.js", location.href).href).then(function (module) {
    pagefind = module;
    return pagefind.options({ excerptLength: 24 });
  }).then(function () {
    filterBox.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 200); });
    selects.forEach(function (select) { select.addEventListener("change", run); });
    more.addEventListener("click", showMore);
    run();
  }).catch(function () {
    status.textContent = script.getAttribute("data-unavailable");
  });
})();
