import Foundation
import Testing

// Issue #12, item 7: the "misaligned stack slot" crash came from reading a byte-typed temporary
// allocation (alignment 1) as a wider type; scripts/repro/temporary-allocation.swift reproduces it
// (a debug build traps, "load from misaligned raw pointer"). The rule that prevents it: a
// `withUnsafeTemporaryAllocation(of: T.self, …)` buffer is used only as T — no loads of another
// type, no rebinding — and a raw `byteCount:alignment:` allocation states its alignment.
@Suite("Source rules") struct TemporaryAllocationRuleTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// The text of the call starting at `start`: up to the brace that closes its trailing closure.
    static func closureBody(_ text: [Character], from start: Int) -> String {
        var depth = 0
        var opened = false
        var i = start
        while i < text.count {
            if text[i] == "{" {
                depth += 1
                opened = true
            } else if text[i] == "}" {
                depth -= 1
                if opened && depth == 0 { return String(text[start...i]) }
            }
            i += 1
        }
        return String(text[start...])
    }

    @Test("temporary allocations are read as their own element type")
    func temporaryAllocationsKeepTheirType() throws {
        let files = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        var uses = 0
        for file in files {
            let text = Array(try String(contentsOf: file, encoding: .utf8))
            let joined = String(text)
            var search = joined.startIndex
            while let r = joined.range(of: "withUnsafeTemporaryAllocation(", range: search..<joined.endIndex) {
                search = r.upperBound
                let offset = joined.distance(from: joined.startIndex, to: r.lowerBound)
                let call = Self.closureBody(text, from: offset)
                let line = joined[..<r.lowerBound].filter { $0 == "\n" }.count + 1
                uses += 1
                let where_ = "\(file.lastPathComponent):\(line)"
                if call.contains("byteCount:") {
                    #expect(call.contains("alignment:"), "\(where_): a raw temporary must state its alignment")
                    continue
                }
                #expect(call.contains("of: "), "\(where_): a temporary is allocated as a type")
                for forbidden in [".load(", "assumingMemoryBound", "bindMemory", "withMemoryRebound"] {
                    #expect(
                        !call.contains(forbidden),
                        "\(where_): a typed temporary is read another way (\(forbidden)); allocate it as that type")
                }
            }
        }
        // RC2 and RC5 use them today; if a refactor removes them all, this rule has nothing left to hold.
        #expect(uses >= 2)
    }
}
