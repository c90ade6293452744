#!/usr/bin/env bash
# The whole test suite, on a fresh machine: restores tools, starts the real services the tests
# use on 127.0.0.1 only, runs every test, and stops the services again.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test Proposals.sln --nologo "$@"
