// Hover and focus previews of entity mentions on article pages: name, type, description and how
// often the entity is mentioned, from data/entities.js. The page works fully without this.
(function () {
  "use strict";
  var entities = window.dossierEntities;
  if (!entities) return;
  var card = document.createElement("div");
  card.className = "entity-preview";
  card.id = "entity-preview";
  card.setAttribute("role", "tooltip");
  card.hidden = true;
  document.body.appendChild(card);
  var current = null;

  function keyOf(link) {
    var type = link.classList.contains("person") ? "person" : link.classList.contains("place") ? "place" : link.classList.contains("org") ? "org" : null;
    var id = (link.id || "").replace(/-\d+$/, "");
    return type && id ? type + ":" + id : null;
  }

  function show(link) {
    var entity = entities[keyOf(link)];
    if (!entity) return;
    current = link;
    card.textContent = "";
    var name = document.createElement("strong");
    name.textContent = entity.name;
    var kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = " · " + entity.type;
    card.appendChild(name);
    card.appendChild(kind);
    if (entity.description) {
      var description = document.createElement("p");
      description.textContent = entity.description;
      card.appendChild(description);
    }
    var count = document.createElement("p");
    count.className = "count";
    count.textContent = entity.mentions;
    card.appendChild(count);
    card.hidden = false;
    var box = link.getBoundingClientRect();
    var left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - card.offsetWidth - 8));
    card.style.left = left + "px";
    card.style.top = (box.bottom + window.scrollY + 6) + "px";
    link.setAttribute("aria-describedby", card.id);
  }

  function hide() {
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    card.hidden = true;
  }

  document.querySelectorAll("a.mention").forEach(function (link) {
    link.addEventListener("mouseenter", function () { show(link); });
    link.addEventListener("focus", function () { show(link); });
    link.addEventListener("mouseleave", hide);
    link.addEventListener("blur", hide);
  });
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });
})();
