/// Scaffold: filled in by the fuzzing work of issue #12.
enum APITargets {
    static var all: [FuzzTarget] { [] }
}
