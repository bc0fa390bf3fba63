#!/usr/bin/env python3
"""planlint check plugin "budget": the plan's measures against the municipality's budget.

Protocol: planlint-plugin version 1 (docs/plugins.md). Reads one request (JSON) from standard
input and writes one answer (JSON) to standard output. Standard library only.

For every measure of the plan with resources for a year (the data block's
`measures[*].resources: {2026: 15000}`, or a measures table with a resources column such as
"2026: 15 000 €; 2027: 15 000 €"), it looks in the budget file (a CSV export of the budget's
line items) for the lines of that year that name the measure: by its id (M1) in a measure
column or in the line's text, or by the measure's text. A measure whose money the budget
does not show (no line, or lines summing to less) is a finding. Years the budget file does
not cover at all are not checked: their budget is not made yet.

The budget file: `settings.budget` in the configuration (relative to the configuration's
folder, the plugin's working directory), else the plan's fact `budget.file` (front matter or
sidecar, relative to the plan's folder).
"""
import csv
import io
import json
import os
import re
import sys

PROTOCOL = "planlint-plugin"
VERSION = 1

# Header names of the CSV columns, in Finnish, Swedish and English (case-insensitive).
COLUMNS = {
    "year": ["vuosi", "år", "ar", "year", "budjettivuosi", "talousarviovuosi"],
    "measure": ["toimenpide", "toimenpidetunnus", "åtgärd", "atgard", "measure", "measure_id"],
    "text": ["kohde", "selite", "nimike", "kuvaus", "benämning", "beskrivning", "description", "item", "line_item"],
    "amount": ["euroa", "määräraha", "maararaha", "summa", "eur", "belopp", "amount", "euro"],
}
MEASURE_HEADERS = re.compile(r"toimenpi|åtgärd|measure", re.I)
RESOURCE_HEADERS = re.compile(r"resurs|määrära|kustann|budjet|resource", re.I)
YEAR_AMOUNT = re.compile(r"(20\d\d)\s*[:=]\s*([0-9][0-9  .,]*)")


class Failure(Exception):
    """A problem that stops the plugin: written to standard error, exit status 2."""


def amount(text):
    """'15 000,00 €' -> 15000.0; None when it is not a sum of money."""
    t = str(text).replace("\u00a0", " ").replace("€", "").replace("EUR", "").strip()
    t = t.replace(" ", "").replace("\u202f", "")
    if not t:
        return None
    if "," in t and "." in t:
        t = t.replace(".", "").replace(",", ".")
    elif "," in t:
        t = t.replace(",", ".")
    elif t.count(".") > 1 or re.fullmatch(r"\d{1,3}(\.\d{3})+", t):
        t = t.replace(".", "")
    try:
        return float(t)
    except ValueError:
        return None


def euros(value):
    """A sum as people read it in every language of the messages: 35000 -> '35 000'."""
    return f"{round(value):,}".replace(",", " ")


def normalise(text):
    return " ".join(re.findall(r"\w+", str(text).lower()))


def read_budget(path):
    """The budget's lines: dicts with year (int), measure, text and amount (float)."""
    try:
        with open(path, "rb") as f:
            raw = f.read(20 * 1024 * 1024 + 1)
    except OSError as e:
        raise Failure(f"cannot read the budget file {path}: {e.strerror}")
    if len(raw) > 20 * 1024 * 1024:
        raise Failure(f"the budget file {path} is larger than 20 MB")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # an Excel export
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
        dialect.delimiter = ";" if sample.count(";") > sample.count(",") else ","
    rows = list(csv.reader(io.StringIO(text), dialect))
    if not rows:
        raise Failure(f"the budget file {path} is empty")
    header = [h.strip().lower() for h in rows[0]]
    index = {}
    for key, names in COLUMNS.items():
        for i, h in enumerate(header):
            if h in names and key not in index:
                index[key] = i
    for needed in ("year", "amount"):
        if needed not in index:
            raise Failure(f"the budget file {path} has no {needed} column "
                          f"(one of: {', '.join(COLUMNS[needed])}); its header: {';'.join(rows[0])}")
    lines = []
    for n, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        def cell(key):
            i = index.get(key)
            return row[i].strip() if i is not None and i < len(row) else ""
        year = re.search(r"20\d\d", cell("year"))
        money = amount(cell("amount"))
        if not year or money is None:
            continue
        lines.append({"year": int(year.group(0)), "measure": cell("measure"), "text": cell("text"),
                      "amount": money, "row": n})
    return lines


def measures_from_facts(request):
    """Measures of the data block (or sidecar): id, text and resources per year with positions."""
    measures = {}
    pattern = re.compile(r"^measures\[(\d+)\]\.(id|text|resources\.(\d{4}))$")
    for fact in request.get("facts", []):
        if fact.get("origin") == "text" or not fact.get("used", True):
            continue
        m = pattern.match(fact.get("path", ""))
        if not m:
            continue
        item = measures.setdefault(m.group(1), {"id": "", "text": "", "years": {}})
        if m.group(3):
            money = amount(fact.get("value", ""))
            if money is not None:
                item["years"][int(m.group(3))] = (money, fact)
        else:
            item[m.group(2)] = fact.get("value", "")
    return [measures[k] for k in sorted(measures, key=int)]


def sections(section):
    yield section
    for child in section.get("sections", []):
        yield from sections(child)


def measures_from_tables(request):
    """Rows of measures tables whose resources cell names years: "2026: 15 000 €; 2027: 5 000 €"."""
    out = []
    for section in sections(request["plan"]["body"]):
        for block in section.get("blocks", []):
            table = block.get("table")
            if block.get("kind") != "table" or not table:
                continue
            header = [c["text"] for c in table["header"]]
            what = next((i for i, h in enumerate(header) if MEASURE_HEADERS.search(h)), None)
            money = next((i for i, h in enumerate(header) if RESOURCE_HEADERS.search(h)), None)
            if what is None or money is None:
                continue
            for row in table["rows"]:
                if max(what, money) >= len(row):
                    continue
                cell = row[money]
                years = {}
                for year, sum_text in YEAR_AMOUNT.findall(cell["text"]):
                    value = amount(sum_text.strip(" ,."))
                    if value is not None:
                        years[int(year)] = (value, {"line": cell["line"], "column": cell["column"], "file": request["plan"]["file"]})
                if years:
                    text = row[what]["text"]
                    ident = re.match(r"\s*([A-ZÅÄÖ]{1,3}\d{1,3})\b", text)
                    out.append({"id": ident.group(1) if ident else "", "text": text, "years": years})
    return out


def budget_file(request):
    settings = request.get("settings") or {}
    if settings.get("budget"):
        return str(settings["budget"])
    for fact in request.get("facts", []):
        if fact.get("path") == "budget.file" and fact.get("used", True):
            # The sidecar sits beside the plan: both name the file from the plan's folder.
            return os.path.join(os.path.dirname(request["plan"]["path"]), fact["value"])
    raise Failure("no budget file: set plugins: budget: settings: {budget: FILE} in .planlint.yaml, "
                  "or budget: {file: FILE} in the plan's sidecar")


def shows(line, measure):
    """Whether a budget line names the measure."""
    ident = measure["id"].strip().lower()
    if ident:
        if line["measure"].strip().lower() == ident:
            return True
        if re.search(r"(?<!\w)" + re.escape(ident) + r"(?!\w)", line["text"].lower()):
            return True
    text, own = normalise(measure["text"]), normalise(line["text"])
    return bool(text) and bool(own) and (text == own or (len(own) >= 12 and own in text) or (len(text) >= 12 and text in own))


def check(request):
    lines = read_budget(budget_file(request))
    covered = {line["year"] for line in lines}
    findings = []
    measures = measures_from_facts(request) or measures_from_tables(request)
    for measure in measures:
        name = measure["text"].strip()
        if measure["id"] and not name.startswith(measure["id"]):
            name = f"{measure['id']} {name}".strip()
        if len(name) > 80:
            name = name[:79] + "…"
        for year in sorted(measure["years"]):
            wanted, where = measure["years"][year]
            if wanted <= 0 or year not in covered:
                continue
            found = sum(line["amount"] for line in lines if line["year"] == year and shows(line, measure))
            if found + 0.5 >= wanted:
                continue
            values = {"item": name, "years": year, "value": euros(wanted)}
            finding = {"reason": "missing" if found == 0 else "violation", "values": values,
                       "path": where.get("path", "measures"), "evidence": name}
            if found:
                values["found"] = euros(found)
            location = {"line": where["line"], "column": where["column"]}
            if where.get("origin") == "sidecar":
                location["file"] = where["file"]
            finding["location"] = location
            for rule in request["rules"]:
                findings.append(dict(finding, rule=rule))
    return findings


def main():
    try:
        request = json.load(sys.stdin)
    except json.JSONDecodeError as e:
        print(f"budget: the request is not JSON: {e}", file=sys.stderr)
        return 2
    if request.get("protocol") != PROTOCOL or request.get("version") != VERSION:
        print(f"budget: this plugin speaks {PROTOCOL} version {VERSION}, the request is "
              f"{request.get('protocol')} version {request.get('version')}", file=sys.stderr)
        return 2
    try:
        findings = check(request)
    except Failure as e:
        print(f"budget: {e}", file=sys.stderr)
        return 2
    json.dump({"protocol": PROTOCOL, "version": VERSION, "findings": findings}, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
