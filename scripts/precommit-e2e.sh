#!/usr/bin/env bash
# End-to-end test of the pre-commit hook (.pre-commit-hooks.yaml) as a user meets it: install pre-commit from PyPI,
# make a throwaway git repository with an insecure orglint config, run `pre-commit try-repo` against this
# repository's HEAD commit (pre-commit clones it and builds orglint with `swift build -c release`), and check that
# the hook fails with orglint's finding for the changed file, then passes once the file is fixed.
#
# Usage: scripts/precommit-e2e.sh [REV]   (default: HEAD; uncommitted changes are not part of the test)
# Environment: PRE_COMMIT_VERSION pins pre-commit (default: the latest); KEEP_TMP=1 keeps the temp folder.
# Takes minutes: each `try-repo` call clones orglint and runs `swift build -c release` in a fresh folder (two builds).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
rev="$(git -C "$repo" rev-parse "${1:-HEAD}")"
if [ -z "${1:-}" ] && [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
  echo "precommit-e2e: note: uncommitted changes are not tested; testing HEAD $rev" >&2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/orglint-precommit-e2e.XXXXXX")"
cleanup() { if [ "${KEEP_TMP:-0}" = 1 ]; then echo "precommit-e2e: kept $work" >&2; else rm -rf "$work"; fi; }
trap cleanup EXIT
# try-repo clones and builds in a fresh temporary folder on every call (it ignores PRE_COMMIT_HOME), so keep those
# under $work too: nothing is left behind even when a run is interrupted.
mkdir -p "$work/tmp"
export TMPDIR="$work/tmp"
fail() {
  echo "precommit-e2e: FAIL: $1" >&2
  if [ -n "${2:-}" ]; then sed 's/^/  | /' "$2" >&2; fi
  exit 1
}
started=$SECONDS

# pre-commit from PyPI, in its own virtual environment (nothing installed system-wide), with its own cache.
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check \
  "pre-commit${PRE_COMMIT_VERSION:+==$PRE_COMMIT_VERSION}"
pre_commit="$work/venv/bin/pre-commit"
export PRE_COMMIT_HOME="$work/pre-commit-home"
echo "precommit-e2e: $("$pre_commit" --version), testing orglint at $rev" >&2

# A user's repository: an Organization with centralized root credentials management (and every control orglint
# expects around it) and one member account whose root user still has a password.
user_repo="$work/user-repo"
mkdir -p "$user_repo/org/accounts"
git -C "$user_repo" init -q
git -C "$user_repo" config user.name "orglint e2e"
git -C "$user_repo" config user.email "orglint-e2e@example.com"
git -C "$user_repo" config commit.gpgsign false
cat > "$user_repo/org/organization.yaml" <<'EOF'
apiVersion: orglint/v1
kind: Organization
id: o-e2etest0001
managementAccount: "111111111111"
featureSet: ALL
trustedAccess: [iam.amazonaws.com]
delegatedAdministrators:
  - service: iam.amazonaws.com
    account: "222222222222"
rootAccess:
  rootCredentialsManagement: true
  rootSessions: true
policies:
  - name: deny-root-user
    attachedTo: [Root]
    document:
      Version: "2012-10-17"
      Statement:
        - Effect: Deny
          Action: "*"
          Resource: "*"
          Condition:
            ArnLike: { "aws:PrincipalArn": "arn:*:iam::*:root" }
            "Null": { "aws:AssumedRoot": "true" }
EOF
cat > "$user_repo/org/accounts/core.yaml" <<'EOF'
apiVersion: orglint/v1
kind: Account
id: "111111111111"
name: management
email: root+management@example.com
alternateContacts:
  security: { name: Security, email: security@example.com, phone: "+1 555 0100", title: CISO }
root:
  password: true
  mfaDevices:
    - { type: hardware, serial: GAHT00000001, enabledAt: 2025-01-01T00:00:00Z }
    - { type: hardware, serial: GAHT00000002, enabledAt: 2025-01-01T00:00:00Z }
---
apiVersion: orglint/v1
kind: Account
id: "222222222222"
name: security
email: root+security@example.com
alternateContacts:
  security: { name: Security, email: security@example.com, phone: "+1 555 0100", title: CISO }
root:
  password: false
EOF
cat > "$user_repo/org/accounts/web.yaml" <<'EOF'
apiVersion: orglint/v1
kind: Account
id: "444444444444"
name: web
email: root+web@example.com
alternateContacts:
  security: { name: Security, email: security@example.com, phone: "+1 555 0100", title: CISO }
root:
  password: true
EOF
# The members' last root audit (ROOT009 wants one within 7 days; the hook lints with today's clock).
audit="audit: { at: $(date -u +%Y-%m-%dT00:00:00Z), status: complete }"
echo "$audit" >>"$user_repo/org/accounts/core.yaml"   # the last document there: the security member
echo "$audit" >>"$user_repo/org/accounts/web.yaml"
git -C "$user_repo" add -A
git -C "$user_repo" commit -q -m "organization"

# Runs the hook on the changed file, as `git commit` would; prints pre-commit's exit code.
run_hook() {
  local status=0
  (cd "$user_repo" && "$pre_commit" try-repo "$repo" orglint --ref "$rev" --files org/accounts/web.yaml) \
    > "$1" 2>&1 || status=$?
  echo "$status"
}

# 1. The insecure file: the hook fails and shows orglint's findings for it.
git -C "$user_repo" add org/accounts/web.yaml
status=$(run_hook "$work/fail.log")
[ "$status" = 1 ] || fail "the hook on the insecure file exited with $status, expected 1" "$work/fail.log"
grep -q '^orglint\.*Failed$' "$work/fail.log" || fail "pre-commit did not report the orglint hook as failed" \
  "$work/fail.log"
grep -qF 'org/accounts/web.yaml:9:3: error: member account web (444444444444) still has a root user password' \
  "$work/fail.log" || fail "no ROOT001 finding at org/accounts/web.yaml:9:3" "$work/fail.log"
grep -qF '[ROOT001 member-root-password-removed]' "$work/fail.log" || fail "no ROOT001 rule id" "$work/fail.log"
grep -qF '[ROOT004 root-mfa-required]' "$work/fail.log" || fail "no ROOT004 finding" "$work/fail.log"
# Only the file pre-commit passed is reported; the rest of the set is loaded for context (ROOT001 needs the
# Organization document).
if grep -q 'core\.yaml\|organization\.yaml' "$work/fail.log"; then
  fail "findings for files that were not passed to the hook" "$work/fail.log"
fi
grep -qx '2 errors in 1 file' "$work/fail.log" || fail "the summary is not '2 errors in 1 file'" "$work/fail.log"
echo "precommit-e2e: the insecure file fails the hook with ROOT001 and ROOT004 ($((SECONDS - started))s)" >&2

# 2. The fix (IAMDeleteRootUserCredentials done, the config updated): the hook passes.
sed -i 's/^  password: true$/  password: false/' "$user_repo/org/accounts/web.yaml"
git -C "$user_repo" add org/accounts/web.yaml
status=$(run_hook "$work/pass.log")
[ "$status" = 0 ] || fail "the hook on the fixed file exited with $status, expected 0" "$work/pass.log"
grep -q '^orglint\.*Passed$' "$work/pass.log" || fail "pre-commit did not report the orglint hook as passed" \
  "$work/pass.log"
git -C "$user_repo" commit -q -m "web: root password removed"

echo "precommit-e2e: OK in $((SECONDS - started))s: pre-commit try-repo at $rev fails on the insecure file" \
  "and passes after the fix"
