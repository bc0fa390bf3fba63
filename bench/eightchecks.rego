# The eight checks of bench/eightchecks.py in Rego, evaluated with regopy (rego-cpp).
#
# Input, one plan (bench/eightchecks_rego.py builds it from the front matter):
#   {"as_of": "2026-11-22", "facts": {...front matter...},
#    "sections": [{"title": "lower-cased title without its number", "empty": false}, ...]}
# Dates in facts are ISO strings (YYYY-MM-DD). Titles come lower-cased because rego-cpp's
# lower() leaves non-ASCII letters (ä, ö, å) as they are.
#
# Output: data.planlint.eight.results, {rule id: "pass" | "fail" | "not-applicable"}.
package planlint.eight

import rego.v1

council := `(^|[^a-z0-9_åäöšžéü])(valtuust|kunnanvaltuust|kaupunginvaltuust|fullmäktig|kommunfullmäktig|stadsfullmäktig)[a-z0-9_åäöšžéü]*|(^|[^a-z0-9_åäöšžéü])kv([^a-z0-9_åäöšžéü]|$)`

# Heading aliases of Rules/fi-lsl/rules/content.yaml as regular expressions over lower-cased
# titles: `stem*` a word starting with stem, `*part*` a word containing part. Letters are
# spelled out: rego-cpp's regular expressions know no \p{L} (a query using it is undefined).
w := `[a-z0-9_åäöšžéü]*`
b := `(^|[^a-z0-9_åäöšžéü])`
e := `([^a-z0-9_åäöšžéü]|$)`

aliases := {
	"LSL-12-2-1": concat("", [b, "(kasvuolo|hyvinvoinnin tila|hyvinvoinnin nykytila|hyvinvointitilan|nykytila|tilannekuva|elinolo|uppväxt|välfärdssituation|välfärdsläge|välbefinnande)", w, "|", w, "kasvuolo", w, "|", b, "(perheiden hyvinvointi|nuorten hyvinvointi|barns och ungas välfärd)", e]),
	"LSL-12-2-2": concat("", [b, "(ehkäisev|edistäv|peruspalvelu|erityispalvelu|toimenpit|toimenpide|förebygg|främj|service|åtgärd|stöd och skydd|tukipalvelu|hyvinvoinnin edistämi)", w, "|", w, "(palvelu|tjänst)", w, "|", b, "varhai", w, `\s+tuki`, w]),
	"LSL-12-2-3": concat("", [b, "(yhteistoimin|kumppanuu|verkost)", w, "|", w, "(yhteistyö|verkosto|samarbet|nätverk)", w]),
	"LSL-12-2-4": concat("", [b, "(seuranta|seuranta ja arviointi|suunnitelman arviointi|toteutta|toteutu|toteutus|toimeenpano|uppföljning|genomförande|utvärdering|verkställ)", w, "|", w, "seuranta", w]),
}

facts := object.get(input, "facts", {})

approvals := [a | some a in object.get(facts, "approvals", []); is_object(a)]

reviews := [r | some r in object.get(facts, "reviews", []); is_object(r)]

default status := "approved"

status := facts.status if {
	facts.status in {"draft", "proposal", "approved"}
} else := "draft" if {
	object.get(facts, "decision", null) != null
	count(approvals) == 0
}

scope := object.get(object.get(facts, "plan", {}), "scope", "municipal")

iso(s) if {
	is_string(s)
	regex.match(`^\d{4}-\d{2}-\d{2}$`, s)
}

decision_dates := [d | some x in array.concat(approvals, reviews); d := object.get(x, "date", null); iso(d)]

last := max(decision_dates) if count(decision_dates) > 0

planned := p if {
	p := object.get(object.get(facts, "decision", {}), "planned_date", null)
	iso(p)
}

reference := last if {
	status == "approved"
	last
} else := planned if {
	planned
} else := last if {
	last
} else := input.as_of

profiles := [
	{"id": "P2008", "scopes": {"municipal", "joint_municipal", "helsinki"}, "from": "2008-01-01", "until": "2014-07-31"},
	{"id": "P2014", "scopes": {"municipal", "joint_municipal", "helsinki"}, "from": "2014-08-01", "until": "2016-12-31"},
	{"id": "P2017", "scopes": {"municipal", "joint_municipal", "helsinki"}, "from": "2017-01-01", "until": "2022-12-31"},
	{"id": "P2023-municipal", "scopes": {"municipal", "joint_municipal"}, "from": "2023-01-01", "until": "9999-12-31"},
	{"id": "P2023-regional", "scopes": {"regional"}, "from": "2023-01-01", "until": "9999-12-31"},
	{"id": "P2023-helsinki", "scopes": {"helsinki"}, "from": "2023-01-01", "until": "9999-12-31"},
]

profile := p.id if {
	some p in profiles
	scope in p.scopes
	reference >= p.from
	reference <= p.until
}

is_council(body) if regex.match(council, lower(sprintf("%v", [body])))

# 1. PLAN-FACTS-VALUES
values_ok if {
	object.get(facts, "status", "approved") in {"draft", "proposal", "approved"}
	object.get(object.get(facts, "plan", {}), "scope", "municipal") in {"municipal", "joint_municipal", "regional", "helsinki"}
}

default values := "fail"

values := "pass" if values_ok

# 2. LSL-12-1-APPROVAL-COUNCIL
default approval_council := "not-applicable"

approval_council := v if {
	scope in {"municipal", "helsinki"}
	status == "approved"
	v := pass_fail(count([a | some a in approvals; is_council(object.get(a, "body", ""))]) > 0)
}

# 3. LSL-12-1-DECISION-BODY
default decision_body := "not-applicable"

decision_body := v if {
	scope in {"municipal", "joint_municipal", "helsinki"}
	status in {"draft", "proposal"}
	body := object.get(object.get(facts, "decision", {}), "body", null)
	v := pass_fail(any_true([body == null, body_is_council(body)]))
}

body_is_council(body) := true if {
	body != null
	is_council(body)
} else := false

# 4. LSL-12-1-REVIEW-4Y
default review := "not-applicable"

review := v if {
	scope in {"municipal", "joint_municipal", "helsinki"}
	status == "approved"
	v := pass_fail(recent)
}

recent := true if {
	limit := time.format([time.add_date(time.parse_ns("2006-01-02", input.as_of), -4, 0, 0), "UTC", "2006-01-02"])
	last >= limit
	last <= input.as_of
} else := false

# 5–8. LSL-12-2-1 … 4, by heading or legal_map
legal_map := m if {
	m := object.get(facts, "legal_map", {})
	is_object(m)
} else := {}

content_applies if profile in {"P2023-municipal", "P2023-helsinki"}

content(rule) := "not-applicable" if {
	not content_applies
} else := v if {
	target := legal_map[rule]
	wanted := lower(regex.replace(sprintf("%v", [target]), `^[\d.]+\s*`, ""))
	v := pass_fail(any_true([regex.match(`^[\d.]+$`, trim_space(sprintf("%v", [target]))), count([s | some s in input.sections; s.title == wanted]) > 0]))
} else := v if {
	v := pass_fail(count([s | some s in input.sections; regex.match(aliases[rule], s.title); not s.empty]) > 0)
}

pass_fail(true) := "pass"

pass_fail(false) := "fail"

any_true(xs) := count([x | some x in xs; x == true]) > 0

results := {
	"PLAN-FACTS-VALUES": values,
	"LSL-12-1-APPROVAL-COUNCIL": approval_council,
	"LSL-12-1-DECISION-BODY": decision_body,
	"LSL-12-1-REVIEW-4Y": review,
	"LSL-12-2-1": content("LSL-12-2-1"),
	"LSL-12-2-2": content("LSL-12-2-2"),
	"LSL-12-2-3": content("LSL-12-2-3"),
	"LSL-12-2-4": content("LSL-12-2-4"),
	"status": status,
	"profile": object.get({"p": profile}, "p", null),
}
