/// Scaffold: the constant-time targets of issue #12 (Valgrind and dudect) go here.
public enum CTTargets {}
