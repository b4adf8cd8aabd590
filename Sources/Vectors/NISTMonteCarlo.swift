// Record kinds `hash-mct` and `hash-mct-trace`: chained digests checked at checkpoints.

extension NISTParser {
    /// The Monte Carlo trace `.txt` files: every step's `M`/`MDi`, and each checkpoint's `MD`.
    func monteCarloTraceVectors(_ r: NISTRecord, displayPath: String, mct: inout MonteCarloState) throws -> [Vector] {
        var unsupported: [String] = []
        // The trace shows the first steps of each checkpoint as M/MDi, and closes the
        // checkpoint with the chain's result MD, which we check as a Monte Carlo case.
        if r.has("Seed") && !r.has("M") {
            mct.seed = try bytes(r, "Seed")
            mct.previous = nil
            return []
        }
        checkKnown(r, ["COUNT", "i", "M", "MDi", "MD"], &unsupported)
        let m = try bytes(r, "M")
        let md = try bytes(r, "MDi")
        let step = r.field("i").map { "i=\($0.value)" } ?? "line \(r.line)"
        var out = [
            Vector(
                id: step, provenance: provenance(r.line, displayPath), algorithm: algorithm,
                operation: .digest(message: Message(m), outputLength: nil), expected: .output(md),
                unsupported: unsupported)
        ]
        if let f = r.field("MD"), f.value == "?" {
            // Some trace files print `MD = ?` for checkpoints they do not give; the chain
            // cannot be followed past one.
            out.append(
                Vector(
                    id: "checkpoint at line \(f.line)", provenance: provenance(f.line, displayPath),
                    algorithm: algorithm,
                    operation: .digestMonteCarlo(MonteCarlo(style: .sha2, seed: [])), expected: .output([]),
                    unsupported: ["checkpoint value not given by the corpus (MD = ?)"]))
            mct.seed = nil
            mct.previous = nil
        } else if let f = r.field("MD") {
            guard let seed = mct.previous ?? mct.seed else {
                throw RecordError(line: f.line, message: "Monte Carlo checkpoint before any Seed")
            }
            let checkpoint = try bytes(r, "MD")
            out.append(
                Vector(
                    id: "checkpoint at line \(f.line)", provenance: provenance(f.line, displayPath),
                    algorithm: algorithm,
                    operation: .digestMonteCarlo(MonteCarlo(style: .sha2, seed: seed)), expected: .output(checkpoint)))
            mct.previous = checkpoint
        }
        return out
    }

    /// CAVP Monte Carlo `.rsp`: a `Seed` (or `Msg`) record, then `COUNT`/`MD` (or `Output`) checkpoints.
    func monteCarloVectors(_ r: NISTRecord, displayPath: String, mct: inout MonteCarloState) throws -> [Vector] {
        var unsupported: [String] = []
        let count = r.field("COUNT").map { "COUNT=\($0.value)" }
        if r.has("Seed") || (r.has("Msg") && !r.has("COUNT")) {
            mct.seed = try bytes(r, r.has("Seed") ? "Seed" : "Msg")
            mct.previous = nil
            return []
        }
        checkKnown(r, ["COUNT", "MD", "Output", "Outputlen"], &unsupported)
        guard let seed = mct.previous ?? mct.seed else {
            throw RecordError(line: r.line, message: "Monte Carlo checkpoint before any Seed")
        }
        let isXOF = r.has("Output")
        let expected = try bytes(r, isXOF ? "Output" : "MD")
        var m: MonteCarlo
        if isXOF {
            guard let minBits = try sectionInteger(r, "Minimum Output Length (bits)"),
                let maxBits = try sectionInteger(r, "Maximum Output Length (bits)")
            else {
                throw RecordError(
                    line: r.line, message: "SHAKE Monte Carlo needs [Minimum/Maximum Output Length (bits)] headers")
            }
            let minBytes = minBits / 8
            let maxBytes = maxBits / 8
            guard minBytes > 0, maxBytes >= minBytes else {
                throw RecordError(line: r.line, message: "bad output length range [\(minBits), \(maxBits)] bits")
            }
            var first = maxBytes
            if let prev = mct.previous {
                guard prev.count >= 2 else {
                    throw RecordError(line: r.line, message: "previous output shorter than 16 bits")
                }
                let tail = Int(prev[prev.count - 2]) << 8 | Int(prev[prev.count - 1])
                first = minBytes + tail % (maxBytes - minBytes + 1)
            }
            let stated = try integer(r, "Outputlen")
            if let s = stated, s != expected.count * 8 {
                throw RecordError(
                    line: r.field("Outputlen")!.line, message: "Outputlen = \(s) but Output has \(expected.count) bytes"
                )
            }
            m = MonteCarlo(
                style: .shake(minBytes: minBytes, maxBytes: maxBytes), seed: seed,
                initialOutputLength: first, finalOutputLength: expected.count)
        } else {
            m = MonteCarlo(style: Self.isSHA3(algorithm) ? .sha3 : .sha2, seed: seed)
        }
        mct.previous = expected
        return [
            Vector(
                id: count ?? "line \(r.line)", provenance: provenance(r.line, displayPath), algorithm: algorithm,
                operation: .digestMonteCarlo(m), expected: .output(expected), unsupported: unsupported)
        ]
    }
}
