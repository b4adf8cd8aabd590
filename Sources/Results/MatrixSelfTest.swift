// A configuration made to fail: the build-matrix tests turn this trait on to check that a cell
// that does not compile is reported as a build failure and the other cells still finish. It
// lives in Results, a small harness module with no dependency that is compiled first, so the
// broken cell fails within seconds instead of after a release build of everything confrun needs
// (it was in the CLI target, the last one built: about 7 minutes of CI for a cell meant to
// fail). Not in LibCrypto, which knows nothing of the harness.
#if MATRIX_SELFTEST_BROKEN
#error("MATRIX_SELFTEST_BROKEN is on: this configuration is meant not to compile")
#endif
