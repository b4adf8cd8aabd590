import Foundation
import LibCrypto

// Measurement: operations set up once per cell, timed alternately in slices.

extension SpeedRun {
    // MARK: - Operations and timing

    /// One side's operation on one buffer, set up once per (algorithm, size).
    struct Operation {
        /// Bytes one call processes.
        var bytes: Int
        var body: () throws -> Void
        var cleanup: () -> Void = {}
    }

    enum Setup {
        case ready(Operation)
        /// Not measured, with the reason.
        case skip(String)
    }

    final class Meter {
        let op: Operation
        var batch = 1
        var calls = 0
        var time = Duration.zero
        var failure: String?
        init(_ op: Operation) { self.op = op }

        var megabytesPerSecond: Double? {
            guard failure == nil, calls > 0 else { return nil }
            let (s, atto) = time.components
            let t = Double(s) + Double(atto) / 1e18
            guard t > 0 else { return nil }
            return Double(calls) * Double(op.bytes) / t / 1e6
        }

        /// Calls per second (public-key rows, where one call is one operation).
        var operationsPerSecond: Double? {
            guard failure == nil, calls > 0 else { return nil }
            let (s, atto) = time.components
            let t = Double(s) + Double(atto) / 1e18
            return t > 0 ? Double(calls) / t : nil
        }

        /// Calls the operation in batches for about `budget` (a batch grows until it takes
        /// about a sixteenth of a slice, so the clock is read rarely).
        func run(for budget: Duration) {
            guard failure == nil else { return }
            let clock = ContinuousClock()
            let start = clock.now
            var elapsed = Duration.zero
            do {
                repeat {
                    let before = clock.now
                    for _ in 0..<batch { try op.body() }
                    calls += batch
                    let now = clock.now
                    if now - before < budget / 16 { batch *= 2 }
                    elapsed = now - start
                } while elapsed < budget
            } catch {
                failure = "\(error)"
            }
            time += elapsed
        }
    }

    /// Measures `a` and `b` alternately, `rounds` slices each (the first of a pair alternating),
    /// after one untimed warm-up call of each.
    func compare(_ a: Operation, _ b: Operation?) -> (Meter, Meter?) {
        let ma = Meter(a)
        let mb = b.map(Meter.init)
        for m in [ma, mb].compactMap({ $0 }) {
            do { try m.op.body() } catch { m.failure = "\(error)" }
        }
        let n = rounds
        let slice = Duration.nanoseconds(Int64(seconds / Double(n) * 1e9))
        for r in 0..<n {
            let order = r % 2 == 0 ? [ma, mb] : [mb, ma]
            for m in order.compactMap({ $0 }) { m.run(for: slice) }
        }
        return (ma, mb)
    }

    /// One cell: both sides set up, measured and cleaned up (OpenSSL's only if it has the algorithm).
    func cell(_ size: Int, lib: (Int) throws -> Setup, ref: (Int) throws -> Setup, lacks: String?) -> Cell {
        let l: Setup
        let o: Setup?
        do { l = try lib(size) } catch { l = .skip("LibCrypto: \(error)") }
        if lacks == nil {
            do { o = try ref(size) } catch { o = .skip("OpenSSL: \(error)") }
        } else {
            o = nil
        }
        guard case .ready(let lop) = l else {
            if case .ready(let oop)? = o { oop.cleanup() }
            if case .skip(let why) = l { return Cell(bytes: size, libcrypto: nil, openssl: nil, note: why) }
            return Cell(bytes: size, libcrypto: nil, openssl: nil)
        }
        var oop: Operation? = nil
        var note = lacks.map(Self.shortLack)
        if let o {
            switch o {
            case .ready(let op): oop = op
            case .skip(let why): note = why
            }
        }
        let (ml, mo) = compare(lop, oop)
        lop.cleanup()
        oop?.cleanup()
        if let f = ml.failure { note = "LibCrypto failed: \(f)" }
        if let f = mo?.failure { note = "OpenSSL failed: \(f)" }
        return Cell(bytes: size, libcrypto: ml.megabytesPerSecond, openssl: mo?.megabytesPerSecond, note: note)
    }

    /// `reference lacks SM3` from OpenSSL's longer reason.
    static func shortLack(_ why: String) -> String {
        guard let r = why.range(of: " (") else { return why }
        return String(why[..<r.lowerBound])
    }

    /// A buffer of `size` bytes (plus room for a block of output), 64-byte aligned, filled.
    static func buffer(_ size: Int) -> UnsafeMutableRawBufferPointer {
        let b = UnsafeMutableRawBufferPointer.allocate(byteCount: size + 64, alignment: 64)
        b.initializeMemory(as: UInt8.self, repeating: 0x5a)
        return b
    }

    static func pattern(_ n: Int, _ salt: Int) -> [UInt8] {
        (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ salt) }
    }
}
