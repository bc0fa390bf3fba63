#!/usr/bin/env python3
"""Builds the Word (.docx) and OpenDocument (.odt) twins of example plans.

Each twin holds the text of a Markdown plan of this repository, written the way officials
write a plan in Word or LibreOffice: no front matter, headings by paragraph style (with
the style ids Finnish and Swedish Word write: Otsikko1, Rubrik1), a custom style based on a
heading style, chapter numbers from automatic numbering, some headings typed by hand
(a short, numbered, bold paragraph), tables, a header, and, where asked, tracked changes
and comments still open for review.

Python standard library only. Run from the repository root:

    python3 WordExamples/build.py
    python3 WordExamples/build.py --large /tmp/large.docx   # a 100+ page plan for timing
    python3 WordExamples/build.py --corpus                  # corpus/word/*.docx, the corpus in Word

The output is deterministic (fixed timestamps), so the committed documents change only
when this script or its sources change.
"""
import os
import re
import sys
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "WordExamples")
STAMP = (2025, 1, 1, 0, 0, 0)

# (source, output name, options)
TWINS = [
    ("Examples/alavesi-2023-prose.md", "alavesi-2023-prose.docx",
     dict(lang="fi", style_prefix="Otsikko", custom_level=3, hand_typed=set(),
          auto_number=True, review=True)),
    ("Rules/fi-suositukset/examples/kommun-2025-god.md", "kommun-2025-god.docx",
     dict(lang="sv", style_prefix="Rubrik", custom_level=None, hand_typed={"1.2", "5.3"},
          auto_number=False, review=False)),
    ("Rules/fi-suositukset/examples/municipal-2024-prose-gaps.md", "municipal-2024-prose-gaps.docx",
     dict(lang="fi", style_prefix="Otsikko", custom_level=None, hand_typed="numbered",
          auto_number=False, review=False)),
    # The examples of GP-DOCUMENT-OPEN-REVIEW: the same plan, clean and with open review.
    ("Rules/fi-suositukset/examples/municipal-2023-prose-good.md", "Rules/fi-suositukset/examples/municipal-2023-prose-good.docx",
     dict(lang="fi", style_prefix="Otsikko", custom_level=None, hand_typed=set(), auto_number=False, review=False)),
    ("Rules/fi-suositukset/examples/municipal-2023-prose-good.md", "Rules/fi-suositukset/examples/municipal-2023-prose-review.docx",
     dict(lang="fi", style_prefix="Otsikko", custom_level=None, hand_typed=set(), auto_number=False, review=True)),
    ("Examples/alavesi-2023-prose.md", "alavesi-2023-prose.odt",
     dict(lang="fi", auto_number=True, review=False)),
    ("Rules/fi-suositukset/examples/kommun-2025-god.md", "kommun-2025-god.odt",
     dict(lang="sv", auto_number=False, review=True)),
]


# ---------------------------------------------------------------- Markdown (the subset the plans use)

def strip_inline(text):
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    return text


def parse_markdown(path):
    """Blocks: ('h', level, text), ('p', text), ('li', text, ordered), ('table', rows)."""
    lines = open(os.path.join(ROOT, path), encoding="utf-8").read().split("\n")
    if lines and lines[0] == "---":
        end = lines.index("---", 1)
        lines = lines[end + 1:]
    blocks, para = [], []

    def flush():
        if para:
            blocks.append(("p", strip_inline(" ".join(para))))
            para.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        s = line.strip()
        m = re.match(r"^(#{1,6})\s+(.*?)\s*#*$", line)
        if m:
            flush()
            blocks.append(("h", len(m.group(1)), strip_inline(m.group(2))))
        elif s.startswith("|"):
            flush()
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                    rows.append([strip_inline(c) for c in cells])
                i += 1
            blocks.append(("table", rows))
            continue
        elif re.match(r"^\s*([-*+]|\d+[.)])\s+", line):
            flush()
            ordered = bool(re.match(r"^\s*\d", line))
            blocks.append(("li", strip_inline(re.sub(r"^\s*([-*+]|\d+[.)])\s+", "", line)), ordered))
        elif not s:
            flush()
        elif s.startswith("<!--"):
            flush()
        else:
            para.append(s)
        i += 1
    flush()
    return blocks


def heading_number(text):
    m = re.match(r"^(\d+(?:\.\d+)*)\.?\s+(.*)$", text)
    return (m.group(1), m.group(2)) if m else (None, text)


# ---------------------------------------------------------------- .docx

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' \
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ' \
    'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"'
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def run(text, bold=False):
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def docx_styles(prefix, names, custom_level):
    out = [HEAD, f"<w:styles {W}>",
           '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>',
           '<w:style w:type="paragraph" w:styleId="Luettelokappale"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>']
    for level in range(1, 4):
        out.append(f'<w:style w:type="paragraph" w:styleId="{prefix}{level}"><w:name w:val="heading {level}"/>'
                   f'<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>'
                   f'<w:pPr><w:keepNext/><w:outlineLvl w:val="{level - 1}"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>')
    if custom_level:
        # A style of the municipality's template, based on a heading style: no outline
        # level and no "heading" name of its own.
        out.append(f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="KunnanAlaotsikko"><w:name w:val="Kunnan alaotsikko"/>'
                   f'<w:basedOn w:val="{prefix}{custom_level}"/><w:rPr><w:color w:val="1F4E79"/></w:rPr></w:style>')
    out.append("</w:styles>")
    return "".join(out)


def docx_numbering():
    # One multilevel list tied to the heading styles: level 1 (the title) unnumbered,
    # level 2 "1", level 3 "1.1".
    return (HEAD + f"<w:numbering {W}>"
            '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="none"/><w:lvlText w:val=""/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2"/></w:lvl>'
            '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3"/></w:lvl>'
            '</w:abstractNum>'
            '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>'
            '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
            '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
            "</w:numbering>")


def build_docx(source, name, opts):
    blocks = parse_markdown_override or parse_markdown(source)
    prefix = opts["style_prefix"]
    body, comments = [], []
    review_done = False
    para_id = 0x10000000
    for block in blocks:
        kind = block[0]
        if kind == "h":
            level, text = block[1], block[2]
            number, title = heading_number(text)
            if number and (number in opts["hand_typed"] or opts["hand_typed"] == "numbered"):
                body.append(f"<w:p>{run(text, bold=True)}</w:p>")
                continue
            style = f"{prefix}{level}"
            if opts["custom_level"] == level and number and number.endswith(".1"):
                style = "KunnanAlaotsikko"
            if opts["auto_number"] and number and level >= 2:
                body.append(f'<w:p><w:pPr><w:pStyle w:val="{style}"/><w:numPr><w:ilvl w:val="{level - 1}"/><w:numId w:val="1"/></w:numPr></w:pPr>{run(title)}</w:p>')
            else:
                body.append(f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{run(text)}</w:p>')
        elif kind == "p":
            text = block[1]
            if opts["review"] and not review_done and len(text) > 200:
                # An unaccepted insertion, a deletion and an open comment in one paragraph.
                cut = text.index(". ") + 2
                first, rest = text[:cut], text[cut:]
                para_id += 1
                comments.append(f'<w:comment w:id="0" w:author="Valmistelija" w:date="2023-05-02T10:00:00Z" w:initials="V">'
                                f'<w:p w14:paraId="{para_id:08X}"><w:r><w:t>Tarkistetaanko luku vielä tilastoista?</w:t></w:r></w:p></w:comment>')
                body.append('<w:p><w:commentRangeStart w:id="0"/>' + run(first)
                            + '<w:del w:id="1" w:author="Valmistelija" w:date="2023-05-02T10:00:00Z"><w:r><w:delText xml:space="preserve">Poistettu virke ei kuulu suunnitelmaan. </w:delText></w:r></w:del>'
                            + f'<w:ins w:id="2" w:author="Valmistelija" w:date="2023-05-02T10:00:00Z">{run(rest)}</w:ins>'
                            + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>')
                review_done = True
            else:
                body.append(f"<w:p>{run(text)}</w:p>")
        elif kind == "li":
            num = 3 if block[2] else 2
            body.append(f'<w:p><w:pPr><w:pStyle w:val="Luettelokappale"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr>{run(block[1])}</w:p>')
        elif kind == "table":
            rows = block[1]
            cols = max(len(r) for r in rows)
            xml = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid>', "<w:gridCol/>" * cols, "</w:tblGrid>"]
            for r, row in enumerate(rows):
                xml.append("<w:tr>")
                for c in range(cols):
                    text = row[c] if c < len(row) else ""
                    xml.append(f"<w:tc><w:p>{run(text, bold=(r == 0))}</w:p></w:tc>")
                xml.append("</w:tr>")
            xml.append("</w:tbl>")
            body.append("".join(xml))
    body.append('<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1"/></w:sectPr>')
    document = HEAD + f"<w:document {W}><w:body>" + "".join(body) + "</w:body></w:document>"
    title = next((b[2] for b in blocks if b[0] == "h"), "")
    municipality = title.split(" ")[0] if opts["lang"] == "fi" else ""
    header = HEAD + f"<w:hdr {W}><w:p>{run('LUONNOS EI' if False else (municipality or 'Strandviks kommun'))}</w:p></w:hdr>"
    files = {
        "[Content_Types].xml": HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
        '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
        '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
        + ('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>' if comments else "")
        + "</Types>",
        "_rels/.rels": HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/_rels/document.xml.rels": HEAD + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
        '<Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
        + ('<Relationship Id="rIdComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>' if comments else "")
        + "</Relationships>",
        "word/document.xml": document,
        "word/styles.xml": docx_styles(prefix, None, opts["custom_level"]),
        "word/numbering.xml": docx_numbering(),
        "word/header1.xml": header,
    }
    if comments:
        files["word/comments.xml"] = HEAD + f"<w:comments {W}>" + "".join(comments) + "</w:comments>"
    write_zip(output(name), files)


# ---------------------------------------------------------------- .odt

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" '
          'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" office:version="1.3"')


def build_odt(source, name, opts):
    blocks = parse_markdown(source)
    body = []
    review_done = False
    list_open = False
    tables = 0
    for block in blocks:
        kind = block[0]
        if kind != "li" and list_open:
            body.append("</text:list>")
            list_open = False
        if kind == "h":
            level, text = block[1], block[2]
            number, title = heading_number(text)
            shown = title if (opts["auto_number"] and number and level >= 2) else text
            # An unnumbered heading among numbered ones is a list header.
            header = ' text:is-list-header="true"' if (opts["auto_number"] and not number) else ""
            body.append(f'<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}"{header}>{escape(shown)}</text:h>')
        elif kind == "p":
            text = block[1]
            if opts["review"] and not review_done and len(text) > 200:
                cut = text.index(". ") + 2
                body.append(f'<text:p text:style-name="Text_20_body">{escape(text[:cut])}<text:change text:change-id="ct1"/>'
                            f'<text:change-start text:change-id="ct2"/>{escape(text[cut:])}<text:change-end text:change-id="ct2"/>'
                            '<office:annotation><dc:creator>Beredare</dc:creator><dc:date>2025-05-02T10:00:00</dc:date>'
                            '<text:p>Ska siffrorna kontrolleras?</text:p></office:annotation></text:p>')
                review_done = True
            else:
                body.append(f'<text:p text:style-name="Text_20_body">{escape(text)}</text:p>')
        elif kind == "li":
            if not list_open:
                body.append('<text:list text:style-name="L1">')
                list_open = True
            body.append(f"<text:list-item><text:p>{escape(block[1])}</text:p></text:list-item>")
        elif kind == "table":
            rows = block[1]
            cols = max(len(r) for r in rows)
            tables += 1
            xml = [f'<table:table table:name="Taulukko{tables}"><table:table-column table:number-columns-repeated="{cols}"/>',
                   "<table:table-header-rows>"]
            for r, row in enumerate(rows):
                xml.append("<table:table-row>")
                for c in range(cols):
                    text = row[c] if c < len(row) else ""
                    xml.append(f'<table:table-cell office:value-type="string"><text:p>{escape(text)}</text:p></table:table-cell>')
                xml.append("</table:table-row>")
                if r == 0:
                    xml.append("</table:table-header-rows>")
            xml.append("</table:table>")
            body.append("".join(xml))
    if list_open:
        body.append("</text:list>")
    changes = ""
    if review_done:
        changes = ('<text:tracked-changes>'
                   '<text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>Beredare</dc:creator>'
                   '<dc:date>2025-05-02T10:00:00</dc:date></office:change-info><text:p>En struken mening hör inte till planen. </text:p></text:deletion></text:changed-region>'
                   '<text:changed-region text:id="ct2"><text:insertion><office:change-info><dc:creator>Beredare</dc:creator>'
                   '<dc:date>2025-05-02T10:00:00</dc:date></office:change-info></text:insertion></text:changed-region>'
                   '</text:tracked-changes>')
    content = (HEAD + f"<office:document-content {ODF_NS}><office:automatic-styles/><office:body><office:text>"
               + changes + "".join(body) + "</office:text></office:body></office:document-content>")
    numbered = opts["auto_number"]
    levels = []
    for level in range(1, 4):
        if numbered and level >= 2:
            levels.append(f'<text:outline-level-style text:level="{level}" style:num-format="1" text:display-levels="{level - 1}"/>')
        else:
            levels.append(f'<text:outline-level-style text:level="{level}" style:num-format=""/>')
    heading_styles = "".join(
        f'<style:style style:name="Heading_20_{l}" style:display-name="Heading {l}" style:family="paragraph" '
        f'style:parent-style-name="Heading" style:default-outline-level="{l}"><style:text-properties fo:font-weight="bold"/></style:style>'
        for l in range(1, 4))
    styles = (HEAD + f"<office:document-styles {ODF_NS}><office:styles>"
              '<style:style style:name="Heading" style:family="paragraph"/>'
              '<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph"/>'
              + heading_styles
              + "<text:outline-style style:name=\"Outline\">" + "".join(levels) + "</text:outline-style>"
              "</office:styles><office:master-styles><style:master-page style:name=\"Standard\"><style:header>"
              f"<text:p>{'Alavesen kunta' if opts['lang'] == 'fi' else 'Strandviks kommun'}</text:p>"
              "</style:header></style:master-page></office:master-styles></office:document-styles>")
    manifest = (HEAD + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    files = {
        "mimetype": "application/vnd.oasis.opendocument.text",
        "content.xml": content,
        "styles.xml": styles,
        "META-INF/manifest.xml": manifest,
    }
    write_zip(output(name), files, stored_first="mimetype")


def output(name):
    """A bare name goes to WordExamples/, a path is relative to the repository root."""
    return os.path.join(ROOT, name) if "/" in name else os.path.join(OUT, name)


def write_zip(path, files, stored_first=None):
    with zipfile.ZipFile(path, "w") as z:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=STAMP)
            info.compress_type = zipfile.ZIP_STORED if name == stored_first else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))


def build_large(path, copies=15):
    """A plan of real size (100+ pages): the chapters of the Finnish example plans, repeated
    as the chapters of one long plan, with numbers renumbered. For the benchmark; not committed."""
    sources = ["Examples/alavesi-2023-prose.md", "Rules/fi-suositukset/examples/municipal-2023-prose-good.md",
               "Rules/fi-suositukset/examples/municipal-2024-prose-gaps.md"]
    blocks = parse_markdown(sources[0])[:1]
    chapter = 0
    for _ in range(copies):
        for src in sources:
            for b in parse_markdown(src)[1:]:
                if b[0] == "h" and b[1] == 2:
                    chapter += 1
                if b[0] == "h" and b[1] >= 2:
                    number, title = heading_number(b[2])
                    if number:
                        parts = number.split(".")
                        parts[0] = str(chapter)
                        b = ("h", b[1], ".".join(parts) + " " + title)
                blocks.append(b)
    global parse_markdown_override
    parse_markdown_override = blocks
    build_docx("(large)", path, dict(lang="fi", style_prefix="Otsikko", custom_level=None, hand_typed=set(),
                                     auto_number=False, review=False))
    words = sum(len((b[2] if b[0] == "h" else b[1] if b[0] in ("p", "li") else " ".join(" ".join(r) for r in b[1])).split()) for b in blocks)
    print(f"{path}: {len(blocks)} blocks, {words} words (about {words // 400} pages)")


parse_markdown_override = None


# The corpus plans whose Word twin has hand-typed headings (the others use heading styles).
HAND_TYPED = {"haapakoski-2015.md", "jokivarsi-2018.md", "kalliola-2026-luonnos.md", "lindvik-2019.md",
              "peltomaa-undated.md", "sjoback-2025-utkast.md", "vaarala-2024.md", "solvik-2024.md"}


def build_corpus():
    """The Word twins of the corpus plans (corpus/word/*.docx), for corpus/evaluate.py --word:
    Finnish or Swedish style ids by the plan's language, and half the plans (HAND_TYPED) with
    their headings typed by hand instead of styled. The list is by name, so that a plan added
    to the corpus does not turn the twins of the plans after it from styled to typed."""
    folder = os.path.join(ROOT, "corpus")
    names = sorted(n for n in os.listdir(folder) if n.endswith(".md") and n != "README.md")
    os.makedirs(os.path.join(folder, "word"), exist_ok=True)
    for name in names:
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            head = handle.read(2000)
        swedish = re.search(r"(?i)för barn och unga|välfärdsplan", head) is not None
        opts = dict(lang="sv" if swedish else "fi", style_prefix="Rubrik" if swedish else "Otsikko", custom_level=None,
                    hand_typed="numbered" if name in HAND_TYPED else set(), auto_number=False, review=False)
        target = "corpus/word/" + name[:-3] + ".docx"
        build_docx("corpus/" + name, target, opts)
        print(f"corpus/{name} -> {target}")


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--large":
        build_large(os.path.abspath(sys.argv[2]))
        return 0
    if len(sys.argv) == 2 and sys.argv[1] == "--corpus":
        build_corpus()
        return 0
    for source, name, opts in TWINS:
        if name.endswith(".docx"):
            build_docx(source, name, opts)
        else:
            build_odt(source, name, opts)
        print(f"{source} -> {os.path.relpath(output(name), ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
