/// The Markdown step on its own, as the site uses it (cmark, heading ids), for tools that check it
/// against the CommonMark spec.
public enum Markdown {
    /// Renders one Markdown text. `smart` turns on smart punctuation (the site always uses it; the spec
    /// examples expect it off).
    public static func html(_ markdown: String, smart: Bool, allowRawHTML: Bool) -> String {
        CmarkDocument(markdown: markdown, smart: smart).renderHTML(allowRawHTML: allowRawHTML)
    }

    /// The version of the cmark library clinicsite runs with, such as "0.30.2".
    public static var cmarkVersion: String { CmarkDocument.libraryVersion }
}
