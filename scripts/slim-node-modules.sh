#!/bin/sh
# Drops what a production install does not need at run time (about 85 MB). Run in the folder holding node_modules
# (the Dockerfile's deps stage; npm run check:production, which then starts the app and draws a chart from it).
# - better-sqlite3: its SQLite sources and the compiler's intermediate files; only the built addon,
#   build/Release/better_sqlite3.node, is loaded.
# - echarts and zrender: the browser bundles (dist/, which is also the CommonJS entry nothing here requires), the
#   type declarations and the TypeScript sources; the app imports the ES modules under lib/ (echarts/core, …).
set -eu
addon=node_modules/better-sqlite3
test -f "$addon/build/Release/better_sqlite3.node"
rm -rf "$addon/deps" "$addon/src" "$addon/build/deps" "$addon/build/Release/obj" "$addon/build/Release/obj.target" \
  "$addon/build/Release/sqlite3.a" "$addon/build/Release/test_extension.node"
test -f node_modules/echarts/lib/echarts.js && test -f node_modules/zrender/lib/zrender.js
rm -rf node_modules/echarts/dist node_modules/echarts/types node_modules/zrender/dist node_modules/zrender/src
