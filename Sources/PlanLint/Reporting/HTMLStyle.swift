// The style sheet of the HTML report, inlined into every page. Screen: a sheet of paper on a
// grey desk. Print (A4): no backgrounds or shadows, page numbers at the foot, no forced page
// breaks (they left half-empty pages), table rows never split, link targets written out. Meaning never rests on colour alone:
// every status and severity is also written as a word and a symbol.
extension HTMLReporter {
    static let css = """

    :root {
      --ink: #1b2430; --muted: #5b6675; --line: #d6dce4; --soft: #f3f5f8; --accent: #1f4e79;
      --pass: #2e7d32; --fail: #b3261e; --review: #a15c00; --na: #6b7785; --info: #1f5f8b;
    }
    * { box-sizing: border-box; }
    html { font-size: 15px; -webkit-text-size-adjust: 100%; }
    body {
      margin: 0; background: #e9edf2; color: var(--ink); line-height: 1.5;
      font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
    }
    .page { max-width: 1000px; margin: 24px auto; padding: 40px 52px 28px; background: #fff;
      box-shadow: 0 1px 2px rgba(16, 24, 40, .06), 0 4px 16px rgba(16, 24, 40, .06); }
    code, pre, .hash { font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, Menlo, monospace; font-size: .84em; }
    a { color: var(--accent); }
    h1, h2, h3, h4 { line-height: 1.25; color: #111a26; }
    h1 { font-size: 1.75rem; margin: 0 0 8px; }
    h2 { font-size: 1.45rem; margin: 0 0 14px; }
    h3 { font-size: 1.08rem; margin: 30px 0 10px; padding-bottom: 5px; border-bottom: 1px solid var(--line); }
    h4 { font-size: 1rem; margin: 6px 0 4px; }
    .eyebrow { margin: 0 0 6px; color: var(--accent); font-size: .78rem; font-weight: 700;
      letter-spacing: .08em; text-transform: uppercase; }
    .report-header { border-bottom: 3px solid var(--accent); padding-bottom: 14px; margin-bottom: 28px; }
    .run-meta { margin: 0; color: var(--muted); display: flex; flex-wrap: wrap; gap: 4px 28px; }
    .run-meta strong { color: var(--ink); }
    .contents { margin-bottom: 32px; }
    .contents h2 { font-size: 1.15rem; }

    .plan + .plan, .plan + .unreadable { margin-top: 48px; padding-top: 28px; border-top: 3px solid var(--accent); }
    .verdict { display: flex; gap: 14px; align-items: flex-start; margin: 0 0 20px; padding: 12px 16px;
      background: var(--soft); border: 1px solid var(--line); border-left: 6px solid var(--na); border-radius: 4px; }
    .verdict p { margin: 0; }
    .verdict .sub { color: var(--muted); font-weight: 400; }
    .verdict.pass { border-left-color: var(--pass); }
    .verdict.fail { border-left-color: var(--fail); }
    .verdict.review { border-left-color: var(--review); }
    .practice-summary, .practice-note { margin: -8px 0 20px; padding: 6px 16px; border-left: 6px solid var(--info);
      color: var(--ink); font-size: .93rem; }
    .practice-note { margin: 0 0 10px; color: var(--muted); border-left-width: 3px; }

    .overview { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 24px; align-items: start; }
    dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 6px 18px; margin: 0; }
    dl.facts dt { color: var(--muted); font-weight: 600; }
    dl.facts dd { margin: 0; }
    dl.facts p { margin: 4px 0 0; }
    .why { font-size: .93rem; }
    .basis { font-size: .86rem; color: var(--muted); }
    .label { font-weight: 600; }
    .file { overflow-wrap: anywhere; }
    .chart { margin: 0; padding: 12px 14px 8px; border: 1px solid var(--line); border-radius: 4px; background: #fff; }
    .chart svg { display: block; max-width: 100%; height: auto; font-family: inherit; }
    .chart text { font-size: 13px; fill: #1b2430; }
    .chart text.count { font-weight: 700; }
    .chart .track { fill: #eef1f5; }
    .chart figcaption { margin-top: 4px; font-size: .8rem; color: var(--muted); text-align: center; }

    table.grid { width: 100%; border-collapse: collapse; font-size: .9rem; }
    table.grid th { text-align: left; font-weight: 600; background: var(--soft); border-bottom: 2px solid var(--line); }
    table.grid th, table.grid td { padding: 7px 9px; vertical-align: top; border-bottom: 1px solid var(--line); }
    table.grid .num { text-align: right; font-variant-numeric: tabular-nums; }
    table.packs { font-size: .85rem; }
    .requirements .col-result { width: 9.5em; }
    .requirements .col-law { width: 14em; }
    .requirements tr.na td { color: #3d4753; }
    ul.not-applicable { margin: 0; padding-left: 1.2em; font-size: .9rem; }
    ul.not-applicable li { margin: 0 0 6px; }
    .rule-ids code { color: var(--muted); font-size: .76rem; margin-right: 6px; }
    .appendix { margin-top: 40px; padding-top: 20px; border-top: 3px solid var(--line); font-size: .9rem; }
    .appendix h2 { font-size: 1.2rem; }
    .appendix caption { text-align: left; font-weight: 600; padding: 10px 0 4px; }
    .req-title { font-weight: 600; }
    .rule-id { color: var(--muted); font-size: .76rem; }
    .tag { display: inline-block; padding: 0 6px; border: 1px solid var(--line); border-radius: 3px;
      font-size: .72rem; color: var(--muted); }
    .note { color: var(--muted); font-size: .86rem; }
    .severity-text { font-size: .78rem; color: var(--muted); }

    .badge { display: inline-block; white-space: nowrap; padding: 1px 9px; border-radius: 11px;
      border: 1.5px solid currentColor; font-size: .78rem; font-weight: 700; background: #fff; }
    .badge.pass { color: var(--pass); }
    .badge.fail { color: var(--fail); }
    .badge.review { color: var(--review); }
    .badge.na { color: var(--na); border-style: dashed; }
    .badge.open { color: var(--info); border-style: dotted; }

    .finding { margin: 12px 0; padding: 12px 16px 10px; border: 1px solid var(--line);
      border-left: 5px solid var(--na); border-radius: 4px; }
    .finding.error { border-left-color: var(--fail); }
    .finding.warning { border-left-color: var(--review); }
    .finding.info { border-left-color: var(--info); }
    .finding.suppressed { border-left-style: dashed; background: #fbfcfd; }
    .badge.accepted { color: var(--na); }
    .suppression { margin: 0 0 8px; padding: 4px 10px; border: 1px dashed var(--line); border-radius: 3px; font-size: .9rem; }
    .finding header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 10px; }
    .finding header h4 { flex-basis: 100%; }
    .finding .number { font-weight: 700; color: var(--muted); }
    .finding .number::before { content: "#"; }
    .severity { font-size: .76rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; }
    .severity.error { color: var(--fail); }
    .severity.warning { color: var(--review); }
    .severity.info { color: var(--info); }
    .message { margin: 2px 0 8px; }
    dl.finding-facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 3px 14px; margin: 0 0 8px; font-size: .9rem; }
    dl.finding-facts dt { color: var(--muted); font-weight: 600; }
    dl.finding-facts dd { margin: 0; }
    q.evidence { font-style: italic; }
    pre.excerpt { margin: 0 0 8px; padding: 7px 10px; background: var(--soft); border-radius: 3px;
      white-space: pre-wrap; overflow-wrap: anywhere; }
    pre.excerpt .ln { display: inline-block; min-width: 2.6em; margin-right: 10px; color: var(--muted);
      border-right: 1px solid var(--line); }
    mark { background: #ffe7a3; color: inherit; text-decoration: underline 2px var(--fail); text-underline-offset: 3px; }
    .remedy { margin: 0 0 6px; }
    .citation p { margin: 0 0 6px; }
    figure.wording { margin: 6px 0 2px; }
    figure.wording figcaption { font-size: .78rem; color: var(--muted); font-weight: 600; }
    figure.wording blockquote { margin: 2px 0 0; padding: 4px 12px; border-left: 3px solid var(--accent);
      font-family: Georgia, "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-style: italic; }
    .none { color: var(--pass); font-weight: 600; }
    .none::before { content: "✔ "; }
    .report-footer { margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--line);
      font-size: .8rem; color: var(--muted); }

    @media screen and (max-width: 760px) {
      .page { padding: 20px; margin: 0; }
      .overview { grid-template-columns: 1fr; }
    }

    @page { size: A4; margin: 16mm 15mm 18mm;
      @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #5b6675; } }
    @media print {
      html { font-size: 10pt; }
      body { background: #fff; }
      .page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
      .overview { grid-template-columns: minmax(0, 1fr) 235px; gap: 16px; }
      /* No forced page breaks: a plan or the appendix starts where the last one ends. */
      h2, h3, h4 { break-after: avoid; }
      .verdict, .chart, tr, ul.not-applicable li { break-inside: avoid; }
      .finding { break-inside: avoid-page; }
      thead { display: table-header-group; }
      .verdict, table.grid th, pre.excerpt { background: none; }
      .chart .track { fill: #fff; stroke: #9aa5b1; stroke-width: .6; }
      mark { background: none; text-decoration: underline 1.5px; }
      a { color: inherit; text-decoration: none; }
      a.cite[href]::after { content: " (" attr(href) ")"; font-size: .85em; color: var(--muted); overflow-wrap: anywhere; }
    }

    """
}
