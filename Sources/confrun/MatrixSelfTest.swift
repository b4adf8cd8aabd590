// A configuration made to fail: the build-matrix tests turn this trait on to check that a cell
// that does not compile is reported as a build failure and the other cells still finish. It
// lives in the CLI target, not in LibCrypto, which knows nothing of the harness.
#if MATRIX_SELFTEST_BROKEN
#error("MATRIX_SELFTEST_BROKEN is on: this configuration is meant not to compile")
#endif
