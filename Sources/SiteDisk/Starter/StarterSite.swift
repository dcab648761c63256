import Foundation
import RecoverySchedule
import SiteGenerator

/// `clinicsite new`: a clinic's own site, started from the shipped one (built into the executable).
public enum StarterSite {
    /// The languages whose interface words ship with clinicsite.
    public static var languages: [String] {
        StarterFiles.files.compactMap { file in
            file.path.hasPrefix("templates/strings/") ? String(file.path.dropFirst("templates/strings/".count).dropLast(".yml".count)) : nil
        }.sorted()
    }

    /// The clinic a new site is for: its name, and its contact details (nil: a marked placeholder, which `build`
    /// warns about until it is replaced; never the example clinic's).
    public struct Clinic: Sendable {
        /// The clinic's name, as every page header shows it.
        public var name: String
        /// A phone number as patients dial it.
        public var phone: String?
        /// The clinic's email address.
        public var email: String?
        /// The clinic's postal address, on one line.
        public var address: String?

        /// A clinic with the details given; the others become marked placeholders.
        public init(name: String, phone: String? = nil, email: String? = nil, address: String? = nil) {
            (self.name, self.phone, self.email, self.address) = (name, phone, email, address)
        }
    }

    /// Writes the starter site into `folder` and returns the paths written and, of those, the ones that were
    /// already there and were replaced, relative to it. A folder that exists and is not empty is refused unless
    /// `force` is set.
    /// `today` dates the translation records of a site whose first language is not English (the shipped ones say
    /// what the French translates from English).
    public static func write(to folder: URL, languages: [String], clinic: Clinic, force: Bool, today: CivilDate) throws(DiagnosticError)
        -> (written: [String], replaced: [String]) {
        func failure(_ message: String, hint: String? = nil) -> DiagnosticError {
            DiagnosticError(Diagnostic(file: folder.path, message: message, hint: hint))
        }
        guard !languages.isEmpty else { throw failure("--lang needs at least one language code, such as en") }
        for code in languages where !Self.languages.contains(code) {
            throw failure("there are no interface words for '\(code)' yet (clinicsite ships \(Self.languages.joined(separator: ", ")))",
                          hint: "start with --lang \(Self.languages.joined(separator: ",")), then add templates/strings/\(code).yml "
                              + "(a copy of en.yml, translated) and content/\(code)/ to the new site")
        }
        if let twice = languages.enumerated().first(where: { languages[..<$0.offset].contains($0.element) })?.element {
            throw failure("the language '\(twice)' is listed twice in --lang", hint: "list each language once, such as --lang en,fr")
        }
        try checkPlace(folder, failure)
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        if !existing.isEmpty && !force {
            throw failure("this folder is not empty, so no site was written into it", hint: "choose a new folder, or add --force to write over it")
        }
        var written: [String] = []
        var replaced: [String] = []
        do {
            for (path, text) in files(languages: languages, clinic: clinic, today: today) {
                let target = folder.appendingPathComponent(path)
                if FileManager.default.fileExists(atPath: target.path) { replaced.append(path) }
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileSystem.write(text, to: target.path)
                written.append(path)
            }
        } catch {
            throw failure("cannot write the new site: \(error)")
        }
        return (written, replaced)
    }

    /// The place for the new site must be a folder or nothing yet; a symbolic link that leads nowhere, or a file,
    /// is said in a sentence rather than as the error the file system gives.
    private static func checkPlace(_ folder: URL, _ failure: (String, String?) -> DiagnosticError) throws(DiagnosticError) {
        let path = folder.path
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFLNK, stat(path, &info) != 0 {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            throw failure("\(path) is a symbolic link to \(target), which does not exist",
                          "create the folder it points to, or choose another folder for the new site")
        }
        if (info.st_mode & S_IFMT) != S_IFDIR {
            throw failure("\(path) is a file, not a folder", "choose a folder for the new site, such as my-clinic")
        }
    }

    /// Every file of the new site, by path: the shipped ones for these languages, with `site.yml` made for
    /// this clinic, and a `.gitignore` and `README.md` for staff.
    static func files(languages: [String], clinic: Clinic, today: CivilDate) -> [(String, Data)] {
        let left = Set(Self.languages).subtracting(languages)
        func isForLeftOutLanguage(_ path: String) -> Bool {
            // The shipped translation records say what the French translates from English: of no use to a site
            // whose pages are first written in another language.
            if path.hasPrefix("content/translations/") && languages.first != "en" { return true }
            return left.contains { code in
                ["content/\(code)/", "content/translations/\(code)/", "content/translations/strings/\(code).yml"].contains { path.hasPrefix($0) }
                    || path == "templates/strings/\(code).yml" || path == "templates/typography/\(code).yml"
            }
        }
        var result: [(String, Data)] = []
        for file in StarterFiles.files where !isForLeftOutLanguage(file.path) {
            guard var data = Data(base64Encoded: file.base64) else { continue }
            if file.path == Settings.path {
                data = Data(settings(String(decoding: data, as: UTF8.self), languages: languages, clinic: clinic).utf8)
            }
            result.append((file.path, data))
        }
        if languages.first != "en" && languages.count > 1 {
            // The shipped pages say the same in every language: recorded as translations of the first one.
            let sources = SiteSources(files: Dictionary(result) { $1 })
            let records = (try? TranslationRecording.records(for: Array(languages.dropFirst()), sources: sources, onlyWording: false, today: today)) ?? []
            result += records.map { ($0.path, Data($0.text.utf8)) }
        }
        result.append((".gitignore", Data(StarterText.gitignore.utf8)))
        result.append(("README.md", Data(StarterText.readme(clinicName: clinic.name).utf8)))
        return result
    }

    /// The shipped `site.yml` with this clinic's name and languages.
    static func settings(_ shipped: String, languages: [String], clinic: Clinic) -> String {
        var lines: [String] = []
        var skippingList = false
        for line in shipped.split(separator: "\n", omittingEmptySubsequences: false) {
            if skippingList {
                if line.hasPrefix("  - ") { continue }
                skippingList = false
            }
            if line.hasPrefix("clinic_name:") {
                lines.append("clinic_name: \(yamlQuoted(clinic.name))")
            } else if let key = ["phone", "email", "address"].first(where: { line.hasPrefix("\($0):") }) {
                let given = key == "phone" ? clinic.phone : key == "email" ? clinic.email : clinic.address
                lines.append("\(key): \(yamlQuoted(given ?? ExampleContact.placeholder(key)))")
            } else if line.hasPrefix("default_language:") {
                lines.append("default_language: \(languages[0])")
            } else if line.hasPrefix("languages:") {
                lines.append("languages:")
                lines += languages.map { "  - \($0)" }
                skippingList = true
            } else {
                lines.append(String(line))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A YAML double-quoted string, so any name is read back exactly.
    static func yamlQuoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: quoted += String(format: "\\x%02X", scalar.value)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }
}
