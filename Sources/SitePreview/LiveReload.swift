import Foundation

/// The few lines that make an open page reload itself after each build.
enum LiveReload {
    static func script(eventsURL: String) -> String {
        """
        <script>
        (function () {
          var source = new EventSource(\(scriptString(eventsURL)));
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
