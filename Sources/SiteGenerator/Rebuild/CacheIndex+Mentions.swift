import Foundation

extension CacheIndex {
    /// The pages whose line may name one of `names` (a link to one of those files), decoded: every page
    /// that may link to one of them, and a few more. Lines are searched as bytes, on all cores; nil when a
    /// chosen line does not decode.
    func pages(mentioning names: LinkNames) -> [CachedPage]? {
        readPageLines { line, text -> PageLineResult<CachedPage> in
            guard names.mayBeNamed(in: text) else { return .skipped }
            guard case .page(let page)? = decodedLine(line, text) else { return .unreadable }
            return .found(page)
        }
    }
}
