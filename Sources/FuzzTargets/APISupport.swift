import Conformance
import LibCrypto

// What the API targets share: how a call ended, the hardware variants, and the comparison of a
// variant with the generic code.

/// How one call into LibCrypto ended: its bytes, or the code of the `CryptoError` it threw.
enum APIOutcome: Equatable, CustomStringConvertible {
    case bytes([UInt8])
    case error(String)
    /// A thrown error that is not a `CryptoError` (LibCrypto promises only those).
    case foreign(String)

    static func of(_ body: () throws -> [UInt8]) -> APIOutcome {
        do { return .bytes(try body()) } catch let e as CryptoError {
            return .error(e.code.rawValue)
        } catch let e as StepFailure {
            // The harness's tag for the evp_test step a LibCrypto error came from.
            guard let c = e.underlying as? CryptoError else { return .foreign("\(e)") }
            return .error(c.code.rawValue)
        } catch {
            return .foreign("\(type(of: error)): \(error)")
        }
    }

    var bytes: [UInt8]? {
        if case .bytes(let b) = self { return b }
        return nil
    }

    var isError: Bool {
        if case .error = self { return true }
        return false
    }

    var description: String {
        switch self {
        case .bytes(let b):
            let hex = b.prefix(32).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
            return b.count > 32 ? "\(hex)… (\(b.count) bytes)" : (b.isEmpty ? "(empty)" : hex)
        case .error(let c): return "CryptoError \(c)"
        case .foreign(let e): return "non-CryptoError \(e)"
        }
    }
}

/// Collects the first broken invariant of one input.
struct Findings {
    private(set) var first: String?
    let context: String

    init(_ context: String) { self.context = context }

    /// Records `message` unless something was recorded already.
    mutating func fail(_ message: String) {
        if first == nil { first = "\(context): \(message)" }
    }

    /// Records a mismatch of two outcomes that must be equal.
    mutating func expectEqual(_ a: APIOutcome, _ b: APIOutcome, _ what: String) {
        if a != b { fail("\(what): \(a) vs \(b)") }
    }

    /// Records an outcome that must be a `CryptoError`.
    mutating func expectError(_ a: APIOutcome, _ what: String) {
        if !a.isError { fail("\(what) should throw a CryptoError, gave \(a)") }
    }

    /// Records a non-`CryptoError` throw.
    mutating func expectNoForeign(_ a: APIOutcome, _ what: String) {
        if case .foreign = a { fail("\(what): \(a)") }
    }

    var verdict: FuzzTarget.Verdict { first.map { .finding($0) } ?? .ok }
}

enum APIVariants {
    /// The variant names an input can choose: `generic`, every hardware path of this build on
    /// this CPU, `hardware`, and one unknown name (which `withVariant` must refuse by throwing).
    static let names: [String] = {
        var names = ["generic"] + HardwareSupport.paths
        if HardwareSupport.variants.contains("hardware") { names.append("hardware") }
        return names + ["no-such-variant"]
    }()

    /// Runs `body` under `variant` and under `generic`; records a difference. An unknown
    /// variant must throw before `body` runs. Returns the generic outcome.
    static func compare(
        _ variant: String, _ findings: inout Findings, _ what: String, _ body: () -> APIOutcome
    ) -> APIOutcome {
        let generic = (try? HardwareSupport.withVariant("generic", body)) ?? .error("withVariant")
        var ran = false
        do {
            let other = try HardwareSupport.withVariant(variant) { () -> APIOutcome in
                ran = true
                return body()
            }
            if variant == "no-such-variant" {
                findings.fail("withVariant(\"no-such-variant\") did not throw")
            } else if other != generic {
                findings.fail("\(what): variant \(variant) gives \(other), generic \(generic)")
            }
        } catch {
            if variant != "no-such-variant" || ran || !(error is CryptoError) {
                findings.fail("withVariant(\(variant)) threw \(error) (body ran: \(ran))")
            }
        }
        return generic
    }
}

/// Sorted by name, so an index chooses the same algorithm in every build with the same traits.
enum APIAlgorithms {
    static let digests = Registry.digests.sorted { $0.info.name < $1.info.name }
    static let ciphers = Registry.ciphers.sorted { $0.info.name < $1.info.name }
    static let aeads = Registry.aeads.sorted { $0.info.name < $1.info.name }
    static let cbcCiphers = ciphers.filter { $0.mode == .cbc }
}

/// A length near `right`: mostly right, sometimes off by a little, sometimes anything.
func fuzzLength(_ input: inout FuzzInput, right: Int, max: Int = 80) -> Int {
    switch input.int(in: 0...7) {
    case 0: return input.int(in: 0...max)
    case 1: return Swift.max(0, right + input.int(in: -2...2))
    default: return right
    }
}
