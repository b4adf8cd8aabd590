import COpenSSL
import Foundation

// OSSL_PARAM building: settable-parameter lists read, parameter arrays built and wiped.

extension OpenSSLImplementation {
    struct ParamDefinition {
        var name: String
        var type: UInt32
    }

    /// The entries of a provider's settable-parameter list.
    static func definitions(_ list: UnsafePointer<OSSL_PARAM>?) -> [ParamDefinition] {
        guard var p = list else { return [] }
        var out: [ParamDefinition] = []
        while let key = p.pointee.key {
            out.append(ParamDefinition(name: String(cString: key), type: p.pointee.data_type))
            p += 1
        }
        return out
    }

    static func lists(_ list: UnsafePointer<OSSL_PARAM>?, _ name: String) -> Bool {
        definitions(list).contains { $0.name == name }
    }
}

/// Calls `body` with a pointer that is never NULL (an empty array gets a dummy byte): OpenSSL
/// reads NULL as "not given" (no key, no IV, a final call), which an empty value is not.
func withBytes<R>(_ bytes: ArraySlice<UInt8>, _ body: (UnsafePointer<UInt8>, Int) throws -> R) rethrows -> R {
    var dummy: UInt8 = 0
    return try bytes.withUnsafeBufferPointer { b in
        if let p = b.baseAddress, b.count > 0 { return try body(p, b.count) }
        return try withUnsafePointer(to: &dummy) { try body($0, 0) }
    }
}

func withBytes<R>(_ bytes: [UInt8], _ body: (UnsafePointer<UInt8>, Int) throws -> R) rethrows -> R {
    try withBytes(bytes[...], body)
}

/// Builds an `OSSL_PARAM` array whose keys and values live (in memory it owns) until it is
/// released; values are wiped before they are freed, since keys and passwords pass through.
final class ParamBuilder {
    private var blocks: [(UnsafeMutableRawPointer, Int)] = []
    private var params: [OSSL_PARAM] = []

    var isEmpty: Bool { params.isEmpty }

    deinit {
        for (p, n) in blocks {
            memset(p, 0, n)
            p.deallocate()
        }
    }

    private func store(_ bytes: UnsafeRawBufferPointer, nul: Bool) -> UnsafeMutableRawPointer {
        let n = bytes.count + (nul ? 1 : 0)
        let p = UnsafeMutableRawPointer.allocate(byteCount: max(n, 1), alignment: 16)
        memset(p, 0, max(n, 1))
        if let b = bytes.baseAddress, bytes.count > 0 { p.copyMemory(from: b, byteCount: bytes.count) }
        blocks.append((p, max(n, 1)))
        return p
    }

    private func key(_ name: String) -> UnsafePointer<CChar> {
        let p = Array(name.utf8).withUnsafeBytes { store($0, nul: true) }
        return UnsafePointer(p.assumingMemoryBound(to: CChar.self))
    }

    func utf8(_ name: String, _ value: String) {
        let k = key(name)
        let bytes = Array(value.utf8)
        let v = bytes.withUnsafeBytes { store($0, nul: true) }
        params.append(ref_OSSL_PARAM_construct_utf8_string(k, v.assumingMemoryBound(to: CChar.self), bytes.count))
    }

    func octets(_ name: String, _ value: [UInt8]) {
        let k = key(name)
        let v = value.withUnsafeBytes { store($0, nul: false) }
        params.append(ref_OSSL_PARAM_construct_octet_string(k, v, value.count))
    }

    func signed(_ name: String, _ value: Int64) {
        let k = key(name)
        let v = withUnsafeBytes(of: value) { store($0, nul: false) }
        params.append(ref_OSSL_PARAM_construct_int64(k, v.assumingMemoryBound(to: Int64.self)))
    }

    func unsigned(_ name: String, _ value: UInt64) {
        let k = key(name)
        let v = withUnsafeBytes(of: value) { store($0, nul: false) }
        params.append(ref_OSSL_PARAM_construct_uint64(k, v.assumingMemoryBound(to: UInt64.self)))
    }

    /// The parameters, terminated, for the duration of `body`.
    func withArray<R>(_ body: (UnsafePointer<OSSL_PARAM>) throws -> R) rethrows -> R {
        let all = params + [ref_OSSL_PARAM_construct_end()]
        return try all.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }
}
