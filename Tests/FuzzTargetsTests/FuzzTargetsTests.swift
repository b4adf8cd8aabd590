import FuzzTargets
import Testing

@Suite struct FuzzTargetNames {
    @Test func namesAreUniqueAndSpelledForABinary() {
        let names = FuzzTargets.all.map(\.name)
        #expect(Set(names).count == names.count)
        for name in names {
            #expect(name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(name)")
        }
    }
}
