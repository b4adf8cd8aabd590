/// Scaffold: filled in by the fuzzing work of issue #12.
enum ParserTargets {
    static var all: [FuzzTarget] { [] }
}
