import Foundation
import LibCrypto

/// The optional features of the package (trait `IDEA`, OpenSSL option `no-idea`): LibCrypto's
/// catalog, which `CatalogTests` checks against Package.swift.
public typealias Feature = LibCrypto.Feature

extension Feature {
    /// Every feature, from the catalog.
    public static var all: [Feature] { Catalog.features }
    /// The feature OpenSSL's option `no-x` turns off.
    public static func byOption(_ option: String) -> Feature? { Catalog.feature(option: option) }
    /// The feature of a package trait.
    public static func byTrait(_ trait: String) -> Feature? { Catalog.feature(trait: trait) }
}

/// The C reference a cell's interop stage runs against.
public enum ReferenceSpec: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The system's libcrypto.
    case system
    /// The system's libcrypto with `OPENSSL_ia32cap` set (the C analogue of `no-asm`).
    case systemMasked(String)
    /// An OpenSSL built from source by `confrun reference build` with these configure options.
    case source([String])

    public var description: String {
        switch self {
        case .system: return "system"
        case .systemMasked(let cap): return "system, OPENSSL_ia32cap=\(cap)"
        case .source(let opts): return "source: " + opts.joined(separator: " ")
        }
    }

    /// The spelling in matrix files: `system`, `cpucap:0`, `source:enable-idea,enable-rc5`.
    public var spelling: String {
        switch self {
        case .system: return "system"
        case .systemMasked(let cap): return "cpucap:" + cap
        case .source(let opts): return "source:" + opts.joined(separator: ",")
        }
    }

    public static func parse(_ s: String) -> ReferenceSpec? {
        if s == "system" { return .system }
        if s.hasPrefix("cpucap:"), s.count > 7 { return .systemMasked(String(s.dropFirst(7))) }
        if s.hasPrefix("source:") {
            let opts = s.dropFirst(7).split(separator: ",").map(String.init)
            return opts.isEmpty ? nil : .source(opts)
        }
        return nil
    }

    public init(from decoder: Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        guard let r = ReferenceSpec.parse(s) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "bad reference '\(s)'"))
        }
        self = r
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(spelling)
    }
}

/// A sanitizer a cell builds `confrun` with (`sanitize=address`, `sanitize=thread`): `swift build
/// --sanitize=…`. Swift on Linux has no UndefinedBehaviorSanitizer (`swiftc -sanitize=undefined`:
/// "unsupported option … for target x86_64-unknown-linux-gnu"), and MemorySanitizer needs every
/// library instrumented, so these two are all there is.
public enum Sanitizer: String, Sendable, Hashable, Codable, CaseIterable {
    case address
    case thread

    /// The suffix of the cell's scratch folder: `.build-matrix/no-asm_asan`.
    public var shortName: String { self == .address ? "asan" : "tsan" }

    /// The spelling in matrix files.
    public var option: String { "sanitize=" + rawValue }

    /// How much longer than a plain cell its build and run may take before `--timeout` stops it
    /// (ASan runs about 2–3 times slower, TSan 5–15 times).
    public var timeoutFactor: Double { self == .address ? 3 : 6 }
}

/// One configuration of the build matrix: features turned off (OpenSSL spelling), optional
/// extra traits, an optional sanitizer, and the reference its interop stage compares against.
public struct Cell: Sendable, Hashable, Codable {
    public var name: String
    /// Options as written, in file order: `no-X` (OpenSSL spelling), `minimal`, and at most one
    /// `sanitize=address|thread`.
    public var options: [String]
    /// Traits added on top of the defaults (`+TRAIT`), e.g. a test-only trait.
    public var extraTraits: [String]
    public var reference: ReferenceSpec

    public init(name: String, options: [String] = [], extraTraits: [String] = [], reference: ReferenceSpec = .system) {
        self.name = name
        self.options = options
        self.extraTraits = extraTraits
        self.reference = reference
    }

    /// The `sanitize=` option's sanitizer, if the cell has one.
    public var sanitizer: Sanitizer? {
        options.lazy.compactMap { o in o.hasPrefix("sanitize=") ? Sanitizer(rawValue: String(o.dropFirst(9))) : nil }
            .first
    }

    /// The options that select features (`no-X`, `minimal`): every option but `sanitize=`.
    public var featureOptions: [String] { options.filter { !$0.hasPrefix("sanitize=") } }

    /// `swift build` arguments selecting the sanitizer (`--sanitize=address`), if any.
    public var sanitizerArguments: [String] {
        sanitizer.map { ["--sanitize=" + $0.rawValue] } ?? []
    }

    /// The traits this cell turns off (after `minimal` and implications).
    public var disabledTraits: [String] {
        var off: Set<String> = []
        for o in options {
            if o == "minimal" {
                off.formUnion(Feature.all.map(\.trait))
            } else if let f = Feature.byOption(o) {
                off.insert(f.trait)
                off.formUnion(f.dependents.map(\.trait))
            }
        }
        return Feature.all.map(\.trait).filter { off.contains($0) }
    }

    /// The traits the cell builds with.
    public var enabledTraits: [String] {
        let off = Set(disabledTraits)
        return Feature.all.map(\.trait).filter { !off.contains($0) } + extraTraits
    }

    /// Cells that differ only in their reference share one build; this names it.
    /// A sanitizer adds its short name: `default_asan`, `no-asm_tsan`.
    public var buildKey: String {
        var parts = featureOptions.map { $0.lowercased() }
        parts += extraTraits.map { "+" + $0 }
        let key = parts.isEmpty ? "default" : parts.joined(separator: "_")
        return sanitizer.map { key + "_" + $0.shortName } ?? key
    }

    /// `swift build` arguments selecting the cell's traits.
    public var traitArguments: [String] {
        if featureOptions.isEmpty && extraTraits.isEmpty { return [] }
        let on = enabledTraits
        return on.isEmpty
            ? ["--disable-default-traits"] : ["--disable-default-traits", "--traits", on.joined(separator: ",")]
    }
}

/// Matrices read from a matrix file. Format (one statement per line, `#` starts a comment):
///
///     matrix NAME              start a matrix
///     include NAME             add every cell of a matrix declared earlier
///     cell NAME [OPTION…]      a cell; OPTION is `no-X` (OpenSSL spelling), `minimal`,
///                              `+TRAIT` (an extra trait), `sanitize=address|thread` or
///                              `reference=SPEC`
///
/// SPEC is `system`, `cpucap:VALUE` (system libcrypto with `OPENSSL_ia32cap=VALUE`) or
/// `source:OPT,OPT…` (an OpenSSL built by `confrun reference build --configure OPT…`).
/// Cell names use letters, digits and `.-_+`.
public struct MatrixFile: Sendable {
    public var path: String
    public var matrices: [(name: String, cells: [Cell])]

    public struct ParseError: Error, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    public func matrix(named name: String) -> [Cell]? {
        matrices.first { $0.name == name }?.cells
    }

    public static func load(_ path: String) throws -> MatrixFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ParseError(file: path, line: 0, message: "cannot read the matrix file")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    public static func parse(_ text: String, path: String = "<matrix>") throws -> MatrixFile {
        var out = MatrixFile(path: path, matrices: [])
        var seenCells: Set<String> = []
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNo = i + 1
            func fail(_ m: String) -> ParseError { ParseError(file: path, line: lineNo, message: m) }
            let line =
                raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let keyword = words.first else { continue }
            switch keyword {
            case "matrix":
                guard words.count == 2 else { throw fail("expected `matrix NAME`") }
                guard out.matrix(named: words[1]) == nil else { throw fail("matrix '\(words[1])' declared twice") }
                out.matrices.append((words[1], []))
                seenCells = []
            case "include":
                guard words.count == 2 else { throw fail("expected `include NAME`") }
                guard !out.matrices.isEmpty else { throw fail("`include` before any `matrix`") }
                guard let cells = out.matrix(named: words[1]) else {
                    throw fail("no matrix '\(words[1])' declared above")
                }
                for c in cells where !seenCells.contains(c.name) {
                    out.matrices[out.matrices.count - 1].cells.append(c)
                    seenCells.insert(c.name)
                }
            case "cell":
                guard !out.matrices.isEmpty else { throw fail("`cell` before any `matrix`") }
                guard words.count >= 2 else { throw fail("expected `cell NAME [OPTION…]`") }
                let name = words[1]
                let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_+")
                guard !name.isEmpty, name.allSatisfy({ allowed.contains($0) }), name != ".", name != ".." else {
                    throw fail("cell name '\(name)' may hold only letters, digits and .-_+")
                }
                guard !seenCells.contains(name) else { throw fail("cell '\(name)' declared twice in this matrix") }
                var cell = Cell(name: name)
                for w in words.dropFirst(2) {
                    if w == "minimal" || Feature.byOption(w) != nil {
                        cell.options.append(w.lowercased())
                    } else if w.hasPrefix("+"), w.count > 1 {
                        cell.extraTraits.append(String(w.dropFirst()))
                    } else if w.hasPrefix("reference=") {
                        guard let r = ReferenceSpec.parse(String(w.dropFirst("reference=".count))) else {
                            throw fail(
                                "bad reference '\(w.dropFirst("reference=".count))' (system, cpucap:VALUE or source:OPT,…)"
                            )
                        }
                        cell.reference = r
                    } else if w.hasPrefix("sanitize=") {
                        let v = String(w.dropFirst("sanitize=".count))
                        guard let san = Sanitizer(rawValue: v) else {
                            let why =
                                v == "undefined"
                                ? " (Swift on Linux has no UBSan: swiftc rejects -sanitize=undefined)" : ""
                            throw fail("unknown sanitizer '\(v)'\(why) (sanitize=address or sanitize=thread)")
                        }
                        if let other = cell.sanitizer {
                            guard other == san else {
                                throw fail("one sanitizer per cell (address and thread cannot be combined)")
                            }
                        } else {
                            cell.options.append(san.option)
                        }
                    } else {
                        let known = (Feature.all.map(\.option) + ["minimal"]).joined(separator: " ")
                        throw fail(
                            "unknown option '\(w)' (one of: \(known), +TRAIT, sanitize=address|thread, reference=…)")
                    }
                }
                out.matrices[out.matrices.count - 1].cells.append(cell)
                seenCells.insert(name)
            default:
                throw fail("unknown statement '\(keyword)' (matrix, include, cell)")
            }
        }
        return out
    }
}

/// Splits cells for CI systems without a matrix of their own: shard K of N takes every cell
/// whose position in name order is K-1 modulo N.
public func shard(_ cells: [Cell], _ k: Int, of n: Int) -> [Cell] {
    cells.sorted { $0.name < $1.name }.enumerated().filter { $0.offset % n == k - 1 }.map(\.element)
}
