#!/usr/bin/env bash
# CI check of the Fiji update site: builds it with `mvn -Pupdate-site package` (which writes target/update-site/
# and verifies it), then verifies it once more from a fresh JVM and checks the layout Fiji relies on.
# Extra arguments go to Maven (e.g. -o for offline).
set -euo pipefail
cd "$(dirname "$0")/.."
site=target/update-site
mvn -B -q -Pupdate-site -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/update-site-classpath.txt -DincludeScope=runtime "$@"
java -cp "target/classes:$(cat target/update-site-classpath.txt)" io.github.supcam.updatesite.UpdateSiteTool verify "$site"

fail() { echo "update-site check: $*" >&2; exit 1; }
db="$(gzip -dc "$site/db.xml.gz")"
grep -q '<plugin filename="plugins/SupCAM_-[^"]*\.jar">' <<<"$db" || fail "no plugins/SupCAM_-*.jar record"
grep -A1 '<plugin filename="jars/linux64/pytorch-native-cpu-' <<<"$db" | grep -q '<platform>linux64</platform>' ||
  fail "the libtorch jar is not marked linux64"
for jar in api pytorch-engine pytorch-jni picocli commons-csv xchart; do
  grep -q "<plugin filename=\"jars/$jar-[0-9][^\"]*\.jar\">" <<<"$db" || fail "jars/$jar-*.jar is missing"
done
# Nothing that Fiji ships may be on the site.
while read -r key _; do
  [[ -z "$key" || "$key" == \#* ]] && continue
  artifact="${key#*:}"
  ! grep -q "<plugin filename=\"jars/\(.*/\)\?$artifact-[0-9][^\"]*\.jar\">" <<<"$db" ||
    fail "$key is listed in update-site/fiji-provided.txt but shipped"
done < update-site/fiji-provided.txt
# Exactly the allowed runtime jars: Maven's runtime list, and the site's jars, against update-site/runtime-jars.txt.
allowed="$(sed 's/#.*//; s/[[:space:]]//g; /^$/d' update-site/runtime-jars.txt | sort)"
resolved="$(sed -n 's/^ *\([^: ]*\):\([^: ]*\):.*/\1:\2/p' target/update-site-dependencies.txt | sort)"
[[ "$resolved" == "$allowed" ]] || fail "the runtime dependencies differ from update-site/runtime-jars.txt:
$(diff <(echo "$allowed") <(echo "$resolved") | grep '^[<>]' | sed 's/^</  allowed, not resolved:/; s/^>/  resolved, not allowed:/')"
allowed_ids=" $(sed 's/.*://' <<<"$allowed" | tr '\n' ' ')"
while read -r file; do
  name="${file##*/}"
  id="$(sed -E 's/-[0-9][^/]*\.jar$//' <<<"$name")"
  [[ "$allowed_ids" == *" $id "* ]] || fail "the site ships $file, which is not in update-site/runtime-jars.txt"
done < <(grep -o '<plugin filename="jars/[^"]*"' <<<"$db" | sed 's/.*filename="//; s/"$//')
echo "update-site check: OK ($(grep -c '<plugin ' <<<"$db") files)"
