/// Scaffold: filled in by the fuzzing work of issue #12.
enum DifferentialTargets {
    static var all: [FuzzTarget] { [] }
}
