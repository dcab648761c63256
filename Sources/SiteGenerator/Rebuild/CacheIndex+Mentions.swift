import Foundation

extension CacheIndex {
    /// The pages whose line may name one of `names` (a link to one of those files), decoded: every page
    /// that may link to one of them, and a few more. Lines are searched as bytes, on all cores; nil when a
    /// chosen line does not decode.
    func pages(mentioning names: LinkNames) -> [CachedPage]? {
        let found = compactMapPageLines { line, text -> CachedPage?? in
            guard names.mayBeNamed(in: text) else { return nil }
            guard case .page(let page)? = decodedLine(line, text) else { return .some(nil) }
            return page
        }
        return found.contains { $0 == nil } ? nil : found.map { $0! }
    }
}
