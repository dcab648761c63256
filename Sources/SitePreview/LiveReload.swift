import Foundation

/// The few lines that make an open page reload itself after each build.
enum LiveReload {
    static func script(eventsURL: String) -> String {
        """
        <script>
        (function () {
          var source = new EventSource("\(eventsURL)");
          source.addEventListener("reload", function () { location.reload(); });
        })();
        </script>
        """
    }

    /// `page` with the script before `</body>`, or at the end when there is none.
    static func inject(into page: String, eventsURL: String) -> String {
        let script = script(eventsURL: eventsURL)
        if let range = page.range(of: "</body>", options: .backwards) {
            return page.replacingCharacters(in: range, with: script + "\n</body>")
        }
        return page + script
    }
}
