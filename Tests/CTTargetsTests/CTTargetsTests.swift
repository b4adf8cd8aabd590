import CTTargets
import Testing

@Suite struct CTTargetsScaffold {
    @Test func moduleLoads() {
        _ = CTTargets.self
    }
}
