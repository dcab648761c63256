import Foundation

/// Where a name goes among its folder's names so that the paths below them come out in byte order: names
/// are compared as bytes, a folder's as if it ended in "/" (where its files' paths go on). A walk that
/// emits each folder's entries in this order, going into each folder where it comes, lists every path in
/// byte order without sorting whole paths. The first 16 bytes are packed into two integers on the thread
/// that statted the name, so sorting compares integers; only names that agree in those are compared whole.
struct WalkOrder: Sendable {
    /// The bytes 0–7 and 8–15 of the name (and "/" for a folder), big-endian, zero past the end: no name
    /// holds a zero byte, so a name sorts before any longer one it begins.
    private var head: UInt64 = 0
    private var tail: UInt64 = 0
    private let isFolder: Bool

    init(name: String, isFolder: Bool) {
        self.isFolder = isFolder
        var packed = (UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &packed) { packedBytes in
            var copied = 0
            for byte in name.utf8.prefix(16) {
                packedBytes[copied] = byte
                copied += 1
            }
            if copied < 16 && isFolder { packedBytes[copied] = UInt8(ascii: "/") }
        }
        (head, tail) = (UInt64(bigEndian: packed.0), UInt64(bigEndian: packed.1))
    }

    /// Where each of `orders` (given in pieces) goes in walk order, as (piece, index in it); `name` tells the
    /// name at a place, for the rare names whose first 16 bytes agree.
    static func sorted(_ orders: [[WalkOrder]], name: (Int, Int) -> String) -> [(piece: Int, index: Int)] {
        var keyed: [(head: UInt64, tail: UInt64, piece: Int32, index: Int32, isFolder: Bool)] = []
        keyed.reserveCapacity(orders.reduce(0) { $0 + $1.count })
        for (piece, pieceOrders) in orders.enumerated() {
            for (index, order) in pieceOrders.enumerated() {
                keyed.append((order.head, order.tail, Int32(piece), Int32(index), order.isFolder))
            }
        }
        keyed.sort { first, second in
            if first.head != second.head { return first.head < second.head }
            if first.tail != second.tail { return first.tail < second.tail }
            return bytes(name(Int(first.piece), Int(first.index)), first.isFolder)
                .lexicographicallyPrecedes(bytes(name(Int(second.piece), Int(second.index)), second.isFolder))
        }
        return keyed.map { (Int($0.piece), Int($0.index)) }
    }

    /// A name's bytes as compared: a folder's with "/" after it.
    private static func bytes(_ name: String, _ isFolder: Bool) -> [UInt8] {
        Array(name.utf8) + (isFolder ? [UInt8(ascii: "/")] : [])
    }
}
