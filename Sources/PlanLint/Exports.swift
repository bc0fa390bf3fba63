// The PlanLint library: read → model → evaluate → report.
//
//   Reading/    turns a file (Markdown with front matter, YAML) into a `Plan`
//   Model/      the `Plan` every rule sees, whatever the file format
//   RulePacks/  loads and validates YAML rule packs (and the packs embedded in the binary)
//   Engine/     evaluates a pack's rules on a plan and produces `Finding`s
//   Reporting/  turns findings into text or JSON
@_exported import PlanLintYAML
