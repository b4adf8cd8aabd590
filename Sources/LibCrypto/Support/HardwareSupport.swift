#if ASM && canImport(LibCryptoASM)
import LibCryptoASM
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
#endif

/// Which implementation of AES, GHASH, SHA-1, SHA-256 and Montgomery multiplication runs: the generic Swift code or a
/// hardware path from the `LibCryptoASM` target (built only with the `ASM` trait; a
/// `no-asm` build has no hardware path at all).
///
/// Hardware paths, named as `LIBCRYPTO_HWCAP` and ``paths`` spell them:
/// - `aesni`: AES-NI for every AES key schedule (ECB, CBC, CTR with eight blocks in flight,
///   and the block function under CFB, OFB, GCM, CCM, OCB, XTS, key wrap, CMAC);
/// - `pclmulqdq`: carry-less multiplication for GHASH (GCM and GMAC);
/// - `shani`: the SHA extensions for SHA-1 and SHA-224/SHA-256 (and so HMAC, PBKDF2, ...
///   over them);
/// - `mulx`: MULX with the ADCX/ADOX carry chains (BMI2 and ADX) for Montgomery
///   multiplication: RSA, DSA, DH and BigNum's Montgomery exponentiations;
/// - `ifma`: AVX-512 IFMA (AVX512F, AVX512IFMA and AVX512VL, with the ZMM state enabled by
///   the OS) for the two 1024-bit exponentiations of an RSA-2048 private operation by the CRT,
///   run side by side in 52-bit digits (other key sizes keep the `mulx` or generic kernel).
///
/// A path is used when the CPU reports it (CPUID) and the environment allows it:
/// **`LIBCRYPTO_HWCAP`** unset or empty allows every detected path; `0` (or `none`) allows
/// none, so only generic Swift code runs; otherwise it is a comma-separated list of the paths
/// allowed, e.g. `LIBCRYPTO_HWCAP=aesni,shani` (unknown names are ignored). The variable is
/// read once, at the first use of a hardware-capable algorithm. Like `OPENSSL_ia32cap`, it
/// lets one binary be measured and tested with and without its hardware paths.
///
/// Selection happens when a key schedule or hash context is created, never per block: an
/// `AES` value, a `GCM` context, a `SHA256` value keep the path they were created with. The
/// `mulx` path is chosen once per exponentiation (or per Montgomery product), the `ifma` path
/// once per RSA private operation.
/// ``withVariant(_:_:)`` overrides the selection for everything created inside its body,
/// through a task-local value, so concurrent tasks and threads choose independently — the
/// test suites and the KAT and differential engines run every vector against every variant
/// that way, as Go's tests run both `purego` and assembly implementations.
public enum HardwareSupport {
    /// A set of hardware paths (the catalog's type; the name kept for the variant code).
    typealias Paths = HardwarePaths

    /// True if this build has hardware paths at all (trait `ASM`); false in a `no-asm` build.
    public static var isCompiledIn: Bool {
        #if ASM && canImport(LibCryptoASM)
        return true
        #else
        return false
        #endif
    }

    /// Paths the CPU has and `LIBCRYPTO_HWCAP` allows, fixed for the process.
    static let available: Paths = {
        #if ASM && canImport(LibCryptoASM)
        let f = lc_cpu_features()
        let sse = UInt32(LC_CPU_SSSE3) | UInt32(LC_CPU_SSE41)
        var cpu: Paths = []
        if f & sse == sse {
            if f & UInt32(LC_CPU_AESNI) != 0 { cpu.insert(.aesni) }
            if f & UInt32(LC_CPU_PCLMULQDQ) != 0 { cpu.insert(.pclmulqdq) }
            if f & UInt32(LC_CPU_SHANI) != 0 { cpu.insert(.shani) }
        }
        let mulx = UInt32(LC_CPU_BMI2) | UInt32(LC_CPU_ADX)
        if f & mulx == mulx { cpu.insert(.mulx) }
        if f & UInt32(LC_CPU_AVX512IFMA) != 0 { cpu.insert(.ifma) }
        guard let raw = getenv("LIBCRYPTO_HWCAP") else { return cpu }
        return cpu.intersection(allowed(byEnvironment: String(cString: raw)))
        #else
        return []
        #endif
    }()

    /// The paths a `LIBCRYPTO_HWCAP` value allows.
    static func allowed(byEnvironment value: String) -> Paths {
        let words = value.lowercased().split(separator: ",").map { $0.filter { $0 != " " && $0 != "\t" } }
        if words.isEmpty { return .all }
        if words == ["0"] || words == ["none"] { return [] }
        var allowed: Paths = []
        for w in words {
            if let p = Paths.named.first(where: { $0.0 == w }) { allowed.insert(p.1) }
        }
        return allowed
    }

    /// The restriction `withVariant` puts on contexts created in its body; nil: no restriction.
    @TaskLocal static var restriction: Paths? = nil

    /// The paths a key schedule or hash context created now uses. Read once per context.
    @inline(__always)
    static var selected: Paths {
        #if ASM && canImport(LibCryptoASM)
        let a = available
        if a.isEmpty { return [] }
        guard let r = restriction else { return a }
        return a.intersection(r)
        #else
        return []
        #endif
    }

    /// Hardware paths usable in this build on this CPU under `LIBCRYPTO_HWCAP`, e.g.
    /// `["aesni", "pclmulqdq", "shani", "mulx", "ifma"]`; empty in a `no-asm` build.
    public static var paths: [String] { available.names }

    /// The implementations a test can run every vector against: `"generic"`, plus
    /// `"hardware"` when ``paths`` is not empty.
    public static var variants: [String] { ["generic"] + (available.isEmpty ? [] : ["hardware"]) }

    /// Runs `body` with every key schedule and hash context created inside it using variant
    /// `name`: `"generic"` (Swift code only), `"hardware"` (the default selection: every path
    /// in ``paths``), or one path name from ``paths`` (only that path, e.g. `"aesni"`).
    /// Contexts created before keep their path; the choice is task-local (and thread-local
    /// outside tasks), so concurrent callers do not affect one another.
    ///
    /// - Throws: `CryptoError(.invalidParameter)` if `name` is none of those names (before
    ///   `body` runs); otherwise whatever `body` throws.
    public static func withVariant<T>(_ name: String, _ body: () throws -> T) throws -> T {
        let paths: Paths
        switch name {
        case "generic": paths = []
        case "hardware": paths = .all
        default:
            guard let p = Paths.named.first(where: { $0.0 == name }) else {
                let known = (["generic", "hardware"] + Paths.named.map(\.0)).joined(separator: ", ")
                throw CryptoError(.invalidParameter, "unknown hardware variant \"\(name)\" (known: \(known))")
            }
            paths = p.1
        }
        return try $restriction.withValue(paths, operation: body)
    }

    /// The hardware paths a key schedule or hash context created now would use: the default
    /// selection, or the variant of an enclosing ``withVariant(_:_:)``. Which algorithms can
    /// use which path is the catalog's ``AlgorithmDescriptor/hardware``.
    public static var selection: HardwarePaths { selected }
}
