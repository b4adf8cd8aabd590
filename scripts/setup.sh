#!/usr/bin/env bash
# Installs what swift-libcrypto's build, tests and `confrun all` need on a Debian machine.
# Each step can be skipped: SKIP_APT=1, SKIP_VECTORS=1, SKIP_OPENSSL_SRC=1.
# Corpora go to $CONFRUN_CACHE (default ~/.cache/swift-libcrypto), outside git.
set -euo pipefail

CACHE="${CONFRUN_CACHE:-$HOME/.cache/swift-libcrypto}"
CV_VERSION="${CRYPTOGRAPHY_VECTORS_VERSION:-50.0.2}"
mkdir -p "$CACHE"
say() { printf 'setup: %s\n' "$*"; }
fail() { printf 'setup: FAILED: %s\n' "$*" >&2; exit 2; }

# 1. System packages -----------------------------------------------------------------------
if [ "${SKIP_APT:-0}" = 1 ]; then
  say "skipping apt-get (SKIP_APT=1)"
else
  need=()
  # chromium renders the HTML report in a test; binutils gives nm for the absence proofs; jq checks --emit;
  # valgrind (with its memcheck.h) runs the constant-time check (scripts/ctgrind.sh); zip packs the
  # seed corpora of .clusterfuzzlite/build.sh.
  for p in libssl-dev libbsd-dev bc libxml2-utils unzip zip chromium binutils jq valgrind; do
    dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
  done
  if [ ${#need[@]} -gt 0 ]; then
    say "installing ${need[*]}"
    command -v apt-get >/dev/null || fail "apt-get not found; install ${need[*]} by hand or set SKIP_APT=1"
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq || fail "apt-get update failed (no network to Debian's mirrors?)"
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null \
      || fail "apt-get install ${need[*]} failed"
  else
    say "system packages present"
  fi
fi

# 2. cryptography-vectors from PyPI ----------------------------------------------------------
if [ "${SKIP_VECTORS:-0}" = 1 ]; then
  say "skipping cryptography-vectors (SKIP_VECTORS=1)"
elif [ -f "$CACHE/cryptography-vectors/.version" ] && [ "$(cat "$CACHE/cryptography-vectors/.version")" = "$CV_VERSION" ]; then
  say "cryptography-vectors $CV_VERSION present"
else
  say "downloading cryptography-vectors $CV_VERSION from PyPI"
  mkdir -p "$CACHE/downloads"
  python3 -m pip download --quiet --no-deps "cryptography-vectors==$CV_VERSION" -d "$CACHE/downloads" \
    || fail "pip download cryptography-vectors==$CV_VERSION failed (is PyPI reachable?)"
  whl=$(ls "$CACHE"/downloads/cryptography_vectors-"$CV_VERSION"-*.whl 2>/dev/null | head -n1)
  [ -n "$whl" ] || fail "no cryptography_vectors-$CV_VERSION wheel in $CACHE/downloads"
  rm -rf "$CACHE/cryptography-vectors"
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$whl" "$CACHE/cryptography-vectors" \
    || fail "cannot unpack $whl"
  echo "$CV_VERSION" > "$CACHE/cryptography-vectors/.version"
  say "cryptography-vectors unpacked in $CACHE/cryptography-vectors"
fi

# 3. OpenSSL source (its evp_test data files; later the from-source reference) ---------------
if [ "${SKIP_OPENSSL_SRC:-0}" = 1 ]; then
  say "skipping OpenSSL source (SKIP_OPENSSL_SRC=1)"
elif ls -d "$CACHE"/openssl/openssl-3.*/test/recipes/30-test_evp_data >/dev/null 2>&1; then
  say "OpenSSL source present: $(ls -d "$CACHE"/openssl/openssl-3.* | head -n1)"
else
  mkdir -p "$CACHE/openssl-src" "$CACHE/openssl"
  if ! ls "$CACHE"/openssl-src/openssl_3.*.orig.tar.gz >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    if ! grep -rqs '^Types: deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
      if [ -f /etc/apt/sources.list.d/debian.sources ]; then
        say "adding a deb-src twin of debian.sources"
        sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources | $SUDO tee /etc/apt/sources.list.d/debian-src.sources >/dev/null
      elif [ -f /etc/apt/sources.list ]; then
        grep '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' | $SUDO tee /etc/apt/sources.list.d/debian-src.list >/dev/null
      else
        fail "no Debian sources entry to add a deb-src twin to"
      fi
    fi
    $SUDO apt-get update -qq || fail "apt-get update failed while adding deb-src"
    say "fetching Debian's openssl source package"
    # apt-get source may exit non-zero (e.g. a missing .dsc) while the upstream tarball arrives.
    (cd "$CACHE/openssl-src" && apt-get source --download-only openssl >/dev/null 2>&1) || true
    ls "$CACHE"/openssl-src/openssl_3.*.orig.tar.gz >/dev/null 2>&1 \
      || fail "apt-get source openssl did not deliver openssl_3.*.orig.tar.gz"
  fi
  tarball=$(ls "$CACHE"/openssl-src/openssl_3.*.orig.tar.gz | sort -V | tail -n1)
  say "unpacking $(basename "$tarball")"
  tar -xzf "$tarball" -C "$CACHE/openssl" || fail "cannot unpack $tarball"
fi
say "done (cache: $CACHE)"
