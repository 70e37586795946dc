#!/bin/sh
# Drops what a production install does not need at run time: better-sqlite3's SQLite sources and the compiler's
# intermediate files (about 25 MB). Only the built addon, build/Release/better_sqlite3.node, is loaded.
# Run in the folder holding node_modules (the Dockerfile's deps stage; npm run check:production).
set -eu
addon=node_modules/better-sqlite3
test -f "$addon/build/Release/better_sqlite3.node"
rm -rf "$addon/deps" "$addon/src" "$addon/build/deps" "$addon/build/Release/obj" "$addon/build/Release/obj.target" \
  "$addon/build/Release/sqlite3.a" "$addon/build/Release/test_extension.node"
