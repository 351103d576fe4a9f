#!/usr/bin/env bash
# The demo: builds what it needs, starts the local Interakt sandbox and an example signup app
# with the agent, and prints the two URLs. With INTERAKT_APP_ID and INTERAKT_API_KEY set, the
# app forwards to the real Interakt API instead of the sandbox.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -DskipTests install
echo "The demo is coming soon: the examples issue adds the signup app and the sandbox page."
