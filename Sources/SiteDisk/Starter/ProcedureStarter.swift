import Foundation
import SiteGenerator

/// `clinicsite add procedure`: a new procedure's rules file and pages in every language of the site, holding a
/// `TODO(clinic)` placeholder for every medical statement and number, since clinicsite has no facts for it.
/// Until the clinic has replaced them all, the build leaves the procedure out (see `Placeholders`).
public enum ProcedureStarter {
    /// Writes the procedure `slug` called `name` below `root`; returns the files written. Refuses a slug that is
    /// not lower-case letters, digits and dashes, one already used, and any file already there.
    public static func write(root: URL, slug: String, name: String) throws(DiagnosticError) -> [String] {
        func failure(_ message: String, hint: String? = nil) -> DiagnosticError {
            DiagnosticError(Diagnostic(file: "content/procedures/\(slug).yml", message: message, hint: hint))
        }
        let settingsText = (try? String(contentsOf: root.appendingPathComponent(Settings.path), encoding: .utf8)) ?? ""
        guard !settingsText.isEmpty else { throw failure("there is no site here (no \(Settings.path))", hint: "run it in the site's folder, or give --root") }
        let settings = try Settings.parse(settingsText, file: Settings.path)
        guard !slug.isEmpty, slug.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }), !slug.hasPrefix("-") else {
            throw failure("the short name '\(slug)' can hold only lower-case letters, digits and dashes", hint: "for example: chemical-peel")
        }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw failure("the procedure needs a name", hint: "--name \"Chemical peel\"") }
        let files = self.files(slug: slug, name: name, languages: settings.languages)
        for (path, _) in files where FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) {
            throw failure("\(path) already exists", hint: "choose another short name, or remove the procedure's files first")
        }
        for (path, text) in files {
            let file = root.appendingPathComponent(path)
            do {
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: file, options: .withoutOverwriting)
            } catch {
                throw failure("cannot write \(path): \(error.localizedDescription)")
            }
        }
        return files.map(\.0)
    }

    /// The files, by path below the root: the rules file, then each language's pages.
    static func files(slug: String, name: String, languages: [String]) -> [(String, String)] {
        var files = [("content/procedures/\(slug).yml", ProcedureStarterText.rules(name: name, languages: languages))]
        for language in languages {
            for page in ProcedureStarterText.pages(name: name, language: language) {
                files.append(("content/\(language)/\(slug)/\(page.file)", page.text))
            }
        }
        return files
    }
}
