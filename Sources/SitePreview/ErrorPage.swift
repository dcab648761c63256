import Foundation
import SiteGenerator

/// The page shown instead of the site while the last build has errors.
enum ErrorPage {
    static func html(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { diagnostic -> String in
            var item = "<li><code>\(escape(diagnostic.location))</code>: \(escape(diagnostic.severity.rawValue)): \(escape(diagnostic.message))"
            if let hint = diagnostic.hint { item += "<br><small>hint: \(escape(hint))</small>" }
            return item + "</li>"
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Build failed</title>
        <style>body{font:1.1rem/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
        h1{color:#8a1c1c}li{margin:.75rem 0}code{background:#f3f3f3;padding:.1rem .3rem}</style>
        </head>
        <body>
        <h1>The site could not be built</h1>
        <p>Fix these problems and save; this page reloads by itself. The last good version is still built.</p>
        <ul>
        \(items.joined(separator: "\n"))
        </ul>
        </body>
        </html>
        """
    }

    static func escape(_ text: String) -> String { XMLText.escape(text) }
}
