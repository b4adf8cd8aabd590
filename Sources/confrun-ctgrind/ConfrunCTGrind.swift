// Scaffold: the Valgrind constant-time runner of issue #12.
import CTTargets
import CValgrind

@main
struct ConfrunCTGrind {
    static func main() {
        print("confrun-ctgrind: no targets yet")
    }
}
