/// Which `Host` headers the preview answers to.
///
/// A web page elsewhere can point its own domain name at 127.0.0.1 and then read the preview as if it
/// were its own site ("DNS rebinding", fixed the same way in Vite and webpack-dev-server). The browser
/// still sends that domain as `Host`, so only loopback names, the address given with `--host`, and (when
/// listening on every address) plain IP addresses are served.
struct HostCheck: Sendable {
    /// The `--host` value, lower case, without brackets.
    let listeningHost: String

    init(listeningHost: String) {
        self.listeningHost = Self.bare(listeningHost.lowercased())
    }

    /// Whether `--host` exposes the preview beyond this computer.
    var listensBeyondLoopback: Bool {
        !Self.isLoopback(listeningHost)
    }

    /// Whether a request with this `Host` header (nil when it had none) may be answered.
    func allows(_ header: String?) -> Bool {
        guard let header, let name = Self.name(in: header.lowercased()) else { return false }
        if Self.isLoopback(name) || name == listeningHost { return true }
        // Bound to every address, the preview is reached by this computer's addresses, which no page can rebind.
        return (listeningHost == "0.0.0.0" || listeningHost == "::") && Self.isIPAddress(name)
    }

    /// The name part of a `Host` header (`[::1]:8000` gives `::1`); nil when it is malformed.
    static func name(in header: String) -> String? {
        if header.hasPrefix("[") {
            guard let close = header.firstIndex(of: "]") else { return nil }
            let rest = header[header.index(after: close)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && rest.dropFirst().allSatisfy(\.isNumber)) else { return nil }
            return String(header[header.index(after: header.startIndex)..<close])
        }
        let parts = header.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, let host = parts.first, !host.isEmpty else { return nil }
        if parts.count == 2 && (parts[1].isEmpty || !parts[1].allSatisfy(\.isNumber)) { return nil }
        return String(host)
    }

    static func isLoopback(_ name: String) -> Bool {
        name == "localhost" || name.hasSuffix(".localhost") || name == "::1" || (isIPv4(name) && name.hasPrefix("127."))
    }

    private static func isIPAddress(_ name: String) -> Bool {
        isIPv4(name) || (name.contains(":") && name.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." })
    }

    private static func isIPv4(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) && (Int($0) ?? 256) <= 255 }
    }

    private static func bare(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }
}
