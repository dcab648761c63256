import Foundation

/// The few lines that make an open page reload itself after each build.
enum LiveReload {
    static func script(eventsURL: String) -> String {
        """
        <script>
        (function () {
          var source = new EventSource(\(scriptString(eventsURL)));
          source.addEventListener("reload", function () { location.reload(); });
          // Refused (too many tabs open): the stream closes for good; say so on the page.
          source.addEventListener("error", function () {
            if (source.readyState !== EventSource.CLOSED || document.getElementById("clinicsite-preview-note")) { return; }
            var note = document.createElement("p");
            note.id = "clinicsite-preview-note";
            note.setAttribute("role", "status");
            note.style.cssText = "position:fixed;bottom:0;left:0;right:0;margin:0;padding:.5rem 1rem;background:#fff3cd;color:#000;z-index:99";
            note.textContent = "Preview: this tab no longer reloads by itself (too many preview tabs are open). Close some tabs, then reload this one.";
            document.body.appendChild(note);
          });
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

    /// `text` as a JavaScript string literal that is also safe inside an HTML `<script>` element: quotes and
    /// backslashes are escaped, and `<`, `>`, `&` and line separators are written as `\uXXXX`, so no
    /// `--subpath` can end the string or the script.
    static func scriptString(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            case "<", ">", "&", "'", "\u{2028}", "\u{2029}":
                literal += String(format: "\\u%04X", scalar.value)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                literal += String(format: "\\u%04X", scalar.value)
            default: literal.unicodeScalars.append(scalar)
            }
        }
        return literal + "\""
    }
}
