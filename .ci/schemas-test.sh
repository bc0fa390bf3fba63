#!/usr/bin/env bash
# CI: the JSON Schemas of schemas/ against every plan, pack, rule file and configuration in the
# repository, with check-jsonschema (PyPI), so an editor's completion and planlint agree.
# Then deliberately wrong documents (Tests/SchemaFixtures/invalid) must be rejected, so this
# test can fail.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v check-jsonschema >/dev/null 2>&1; then
    echo "Installing check-jsonschema"
    python3 -m pip install --quiet --disable-pip-version-check check-jsonschema \
        || python3 -m pip install --quiet --user --break-system-packages check-jsonschema
    export PATH="$HOME/.local/bin:$PATH"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
validate() { # SCHEMA FILE...
    local schema=$1
    shift
    [ $# -gt 0 ] || return 0
    if ! check-jsonschema --schemafile "schemas/$schema.schema.json" "$@"; then
        failures=$((failures + 1))
    fi
}

# The front matter of every Markdown plan, as a YAML file of its own (empty front matter is an
# empty mapping; a plan without front matter has nothing to check).
python3 - "$work/frontmatter" <<'PY'
import glob, os, sys
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
plans = sorted(glob.glob("Examples/**/*.md", recursive=True) + glob.glob("Rules/*/examples/**/*.md", recursive=True)
               + glob.glob("CheckPlugins/*/pack/examples/**/*.md", recursive=True))
count = 0
for path in plans:
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        continue
    body = []
    for line in lines[1:]:
        if line.strip() in ("---", "..."):
            break
        body.append(line)
    else:
        continue  # no closing line: not front matter
    if not "".join(body).strip():
        continue
    name = path.replace("/", "__")[:-3] + ".yaml"
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write("\n".join(body) + "\n")
    count += 1
print(f"{count} front matters extracted from {len(plans)} Markdown plans")
PY
mapfile -t frontmatters < <(find "$work/frontmatter" -name '*.yaml' | sort)
mapfile -t yamlplans < <(find Examples Rules/*/examples -name '*.yaml' -o -name '*.yml' | grep -v '\.planlint\.ya\?ml$' | sort)
mapfile -t sidecars < <(find Examples Rules Tests docs -name '*.planlint.yaml' 2>/dev/null | grep -v -E '/(bad|invalid)/' | sort)
mapfile -t packs < <(ls Rules/*/pack.yaml CheckPlugins/*/pack/pack.yaml 2>/dev/null)
mapfile -t rulefiles < <(find Rules/*/rules CheckPlugins/*/pack/rules -name '*.yaml' -o -name '*.yml' 2>/dev/null | sort)
mapfile -t configs < <(find . -path ./.build -prune -o -path './.build*' -prune -o \( -name '.planlint.yaml' -o -name '.planlint.yml' \) -print | grep -v -E '/(bad|invalid)/' | sort)

echo "plans: ${#frontmatters[@]} front matters, ${#yamlplans[@]} YAML plans, ${#sidecars[@]} sidecars"
validate plan "${frontmatters[@]}" "${yamlplans[@]}" "${sidecars[@]}"
echo "packs: ${#packs[@]}"
validate pack "${packs[@]}"
echo "rule files: ${#rulefiles[@]}"
validate rules "${rulefiles[@]}"

# Configurations: the files in the repository and the YAML examples of docs/configuration.md.
mkdir -p "$work/config"
if [ -f docs/configuration.md ]; then
    python3 - docs/configuration.md "$work/config" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
for i, block in enumerate(re.findall(r"```yaml\n(.*?)```", text, re.S)):
    if re.search(r"^(paths|packs|fail_on|waivers|rules|lang|as_of):", block, re.M):
        open(f"{sys.argv[2]}/configuration-md-{i}.yaml", "w", encoding="utf-8").write(block)
PY
fi
mapfile -t docconfigs < <(find "$work/config" -name '*.yaml' | sort)
echo "configurations: ${#configs[@]} files, ${#docconfigs[@]} examples in docs"
validate config "${configs[@]}" "${docconfigs[@]}"

# The negative check: each wrong document must be rejected by its schema.
rejected=0
for f in Tests/SchemaFixtures/invalid/*.yaml; do
    name=$(basename "$f")
    schema=${name%%-*}
    if check-jsonschema --schemafile "schemas/$schema.schema.json" "$f" >"$work/out" 2>&1; then
        echo "NOT REJECTED: $f is wrong but passes schemas/$schema.schema.json"
        failures=$((failures + 1))
    else
        rejected=$((rejected + 1))
    fi
done
echo "wrong documents rejected: $rejected"
[ "$rejected" -ge 4 ] || { echo "expected at least 4 wrong documents in Tests/SchemaFixtures/invalid"; failures=$((failures + 1)); }

# Check plugin answers (docs/plugins.md): the valid ones pass schemas/plugin-answer.schema.json,
# each wrong one is rejected (PluginTests checks that planlint's own validator agrees).
validate plugin-answer Tests/SchemaFixtures/plugin/valid/*.json
for f in Tests/SchemaFixtures/plugin/invalid/*.json; do
    if check-jsonschema --schemafile schemas/plugin-answer.schema.json "$f" >"$work/out" 2>&1; then
        echo "NOT REJECTED: $f is a wrong plugin answer but passes schemas/plugin-answer.schema.json"
        failures=$((failures + 1))
    else
        rejected=$((rejected + 1))
    fi
done
echo "wrong documents rejected, with plugin answers: $rejected"

# The valid fixtures must pass (they use keys the repository's own files may not).
for f in Tests/SchemaFixtures/valid/*.yaml; do
    name=$(basename "$f")
    validate "${name%%-*}" "$f"
done

if [ "$failures" -gt 0 ]; then
    echo "schemas: $failures failure(s)"
    exit 1
fi
echo "schemas: all documents valid, all wrong documents rejected"
