#if canImport(CJemalloc)
import CJemalloc
#endif

/// clinicsite runs on jemalloc (Debian's `libjemalloc2`) instead of the C library's allocator. Swift code
/// allocates and frees many small objects from several threads, and with jemalloc a 10,000-page build
/// takes about an eighth less time (docs/benchmarks.md). The library is linked into this executable only,
/// so other programs that use clinicsite's libraries keep their own allocator.
enum MemoryAllocator {
    /// "jemalloc 5.3.0" when jemalloc really serves this process's allocations, nil otherwise.
    /// `clinicsite --version` shows it, so anyone can check.
    static var description: String? {
        #if canImport(CJemalloc)
        // A block allocated the way Swift allocates must show up in jemalloc's own count.
        let probeSize = 4 << 20
        guard let before = allocatedBytes() else { return nil }
        let probe = UnsafeMutableRawPointer.allocate(byteCount: probeSize, alignment: 16)
        defer { probe.deallocate() }
        guard let after = allocatedBytes(), after - before >= probeSize else { return nil }
        var version: UnsafePointer<CChar>?
        var versionSize = MemoryLayout<UnsafePointer<CChar>?>.size
        guard mallctl("version", &version, &versionSize, nil, 0) == 0, let version else { return nil }
        return "jemalloc " + String(cString: version).prefix { $0 != "-" }
        #else
        return nil
        #endif
    }

    #if canImport(CJemalloc)
    /// Bytes this thread has allocated through jemalloc so far. Per thread and only ever growing, so another
    /// thread freeing memory at the same moment cannot hide the probe (the process-wide total could).
    private static func allocatedBytes() -> Int? {
        var allocated: UInt64 = 0
        var size = MemoryLayout<UInt64>.size
        guard mallctl("thread.allocated", &allocated, &size, nil, 0) == 0 else { return nil }
        return Int(allocated)
    }
    #endif
}
