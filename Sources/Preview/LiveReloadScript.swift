/// The script added to served pages: reloads on `reload`, shows build errors as an overlay.
enum LiveReloadScript {
    static let path = "/__dossier/events"

    /// The stream is closed when the page is hidden (`pagehide`), so pages kept in the
    /// back/forward cache hold no connection, and opened again when it shows; a page that missed
    /// a rebuild meanwhile (another generation in `hello`) reloads.
    static let tag = """
    <script>
    (function () {
      var source = null, generation = null, overlay = null;
      function connect() {
        if (source) { return; }
        source = new EventSource("\(path)");
        source.addEventListener("hello", function (event) {
          if (generation !== null && event.data !== generation) { location.reload(); }
          generation = event.data;
        });
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
      }
      window.addEventListener("pagehide", function () {
        if (source) { source.close(); source = null; }
      });
      window.addEventListener("pageshow", connect);
      connect();
    })();
    </script>

    """
}
