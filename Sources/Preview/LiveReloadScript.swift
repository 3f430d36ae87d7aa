/// The script added to served pages: reloads on `reload`, shows build errors as an overlay.
enum LiveReloadScript {
    static let path = "/__dossier/events"

    static let tag = """
    <script>
    (function () {
      var source = new EventSource("\(path)");
      var overlay = null;
      source.addEventListener("reload", function () { location.reload(); });
      source.addEventListener("error", function (event) {
        if (!event.data) { return; }
        if (!overlay) {
          overlay = document.createElement("pre");
          overlay.id = "dossier-build-error";
          overlay.setAttribute("role", "alert");
          overlay.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;max-height:50vh;overflow:auto;margin:0;padding:1rem;" +
            "background:#3b0d0d;color:#ffe8e8;font:14px/1.4 ui-monospace,monospace;white-space:pre-wrap;z-index:2147483647;" +
            "border-left:6px solid #ff5c5c;box-shadow:0 4px 24px rgba(0,0,0,.4)";
          document.body.appendChild(overlay);
        }
        overlay.textContent = "Build failed – the last good version is shown.\\n\\n" + event.data;
      });
    })();
    </script>

    """
}
