import Foundation

/// The address a site is published at (`base_url`, `--base-url`), as every canonical link and the sitemap print it.
package enum SiteAddress {
    /// Why a text cannot be the site's address.
    package enum Problem: Error, Equatable {
        case notAWebAddress
        case queryOrFragment
        case credentials
        case forbiddenCharacter
        case nonASCIIDomain

        /// What is wrong, to follow the setting's name: "must be a full address …".
        package var message: String {
            switch self {
            case .notAWebAddress: "must be a full address starting with https:// or http://"
            case .queryOrFragment: "must not have a ? or # part"
            case .credentials: "must not hold a user name or password: it would be printed in every page"
            case .forbiddenCharacter: "must not hold spaces, quotes, < or > (write a space as %20)"
            case .nonASCIIDomain: "must give a domain name with accents in its xn-- form, as the domain's registrar shows it"
            }
        }
    }

    /// `text` as the site's address: one final `/`, letters with accents in its path percent-encoded, and the `.`
    /// and `..` segments of its path resolved as a browser resolves them (`https://clinic.example/a/../soins` is
    /// `https://clinic.example/soins/`), so pages never print them.
    package static func normalised(_ text: String) -> Result<String, Problem> {
        guard !text.trimmingSpaces.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }),
              let trimmed = text.trimmingSpaces.addingPercentEncoding(withAllowedCharacters: printableASCII) else { return .failure(.forbiddenCharacter) }
        guard let components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = components.host, !host.isEmpty, trimmed.lowercased().hasPrefix(scheme + "://") else { return .failure(.notAWebAddress) }
        guard components.query == nil, components.fragment == nil else { return .failure(.queryOrFragment) }
        guard components.user == nil, components.password == nil else { return .failure(.credentials) }
        guard components.percentEncodedHost?.contains("%") != true else { return .failure(.nonASCIIDomain) }
        let path = components.percentEncodedPath
        let start = trimmed.index(trimmed.endIndex, offsetBy: -path.count)
        return .success(String(trimmed[..<start]) + resolvingDots(path))
    }

    private static let printableASCII = CharacterSet(charactersIn: Unicode.Scalar(0x21)...Unicode.Scalar(0x7E))

    /// A URL path with its `.` and `..` segments resolved (RFC 3986, 5.2.4), `%2E` read as a dot, ending in `/`.
    static func resolvingDots(_ path: String) -> String {
        var kept: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            switch segment.lowercased().replacingOccurrences(of: "%2e", with: ".") {
            case ".": continue
            case "..": _ = kept.popLast()
            default: kept.append(segment)
            }
        }
        while kept.last == "" { kept.removeLast() }
        return "/" + kept.map { $0 + "/" }.joined()
    }
}
