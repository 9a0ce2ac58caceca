package htmlgrid

import (
	"fmt"
	"strings"
	"testing"

	"finexport/extract/grid"
)

// read runs Read over a document given as one string.
func readDoc(t *testing.T, doc string) ([]grid.Table, []Line) {
	t.Helper()
	var lines []Line
	for i, s := range strings.Split(doc, "\n") {
		lines = append(lines, Line{N: i + 1, Text: s})
	}
	return Read(lines, func(n int, msg string) { t.Logf("line %d: %s", n, msg) })
}

// A row of words above the first figures whose cell starts where the
// labels do is stub text (a section heading), however far the cell spans;
// a cell that starts right of the stub heads the columns under it.
func TestHeadCellFromTheLabelColumnIsStub(t *testing.T) {
	const figures = `<tr><td>Cash</td><td>$</td><td>8,265</td><td></td><td>$</td><td>6,815</td></tr>
<tr><td>Inventories</td><td></td><td>2,832</td><td></td><td></td><td>2,650</td></tr>`
	tests := []struct {
		name string
		head string
		want []grid.Cell // First, Last and Text of each head row's cells, top to bottom
	}{
		{"heading across the whole table",
			`<tr><td></td><td colspan="2">2003</td><td></td><td colspan="2">2002</td></tr>
<tr><td colspan="6">ASSETS</td></tr>`,
			[]grid.Cell{{First: 0, Last: 0, Text: "2003"}, {First: 1, Last: 1, Text: "2002"}, {First: -1, Last: -1, Text: "ASSETS"}}},
		{"heading over the label and the first column",
			`<tr><td></td><td colspan="2">2003</td><td></td><td colspan="2">2002</td></tr>
<tr><td colspan="3">Current assets:</td><td colspan="3"></td></tr>`,
			[]grid.Cell{{First: 0, Last: 0, Text: "2003"}, {First: 1, Last: 1, Text: "2002"}, {First: -1, Last: -1, Text: "Current assets:"}}},
		{"heading in the label cell alone",
			`<tr><td></td><td colspan="2">2003</td><td></td><td colspan="2">2002</td></tr>
<tr><td>ASSETS</td><td colspan="5"></td></tr>`,
			[]grid.Cell{{First: 0, Last: 0, Text: "2003"}, {First: 1, Last: 1, Text: "2002"}, {First: -1, Last: -1, Text: "ASSETS"}}},
		{"period over both columns, right of the stub",
			`<tr><td></td><td colspan="5">Three Months Ended</td></tr>
<tr><td></td><td colspan="2">2003</td><td></td><td colspan="2">2002</td></tr>`,
			[]grid.Cell{{First: 0, Last: 1, Text: "Three Months Ended"}, {First: 0, Last: 0, Text: "2003"}, {First: 1, Last: 1, Text: "2002"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tables, _ := readDoc(t, "<html><body><table>\n"+tt.head+"\n"+figures+"\n</table></body></html>")
			if len(tables) != 1 {
				t.Fatalf("%d tables, want 1", len(tables))
			}
			var got []grid.Cell
			for _, r := range tables[0].Head {
				for _, c := range r.Cells {
					got = append(got, grid.Cell{First: c.First, Last: c.Last, Text: c.Text})
				}
				for _, c := range r.Cells {
					if c.InStub() && r.Label != c.Text {
						t.Errorf("head row %q: label %q, want the stub text %q", r.Text, r.Label, c.Text)
					}
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("head cells %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("head cell %d: %+v, want %+v", i, got[i], tt.want[i])
				}
			}
			if n := tables[0].Columns; n != 2 {
				t.Errorf("%d columns, want 2", n)
			}
		})
	}
}

// The page's title, style sheets and scripts are never shown: none of
// their text is prose, nor a table's title.
func TestUnseenElementsAreNotText(t *testing.T) {
	doc := `<html><head><title>Document $4.8 Million</title>
<style type="text/css">p { margin: 0 } /* $9.9 million */</style>
<script>var s = "ACME CORP. ANNOUNCES";</script></head>
<body><p>ACME CORP. ANNOUNCES RESULTS</p>
<table><tr><td>Revenue</td><td>1,000</td></tr><tr><td>Costs</td><td>900</td></tr><tr><td>Net income</td><td>100</td></tr></table>
</body></html>`
	tables, prose := readDoc(t, doc)
	var texts []string
	for _, l := range prose {
		texts = append(texts, l.Text)
	}
	if got := strings.Join(texts, " | "); got != "ACME CORP. ANNOUNCES RESULTS" {
		t.Errorf("prose %q, want only the body's paragraph", got)
	}
	if len(tables) != 1 {
		t.Fatalf("%d tables, want 1", len(tables))
	}
	for _, a := range tables[0].Above {
		if a.Text != "ACME CORP. ANNOUNCES RESULTS" {
			t.Errorf("text above the table %q", a.Text)
		}
	}
}

// A border under a total drawn as the top border of the next row, a
// heading, still rules off the figures above it; a border over a heading
// that follows words draws nothing.
func TestBorderOverAHeadingRulesTheFiguresAbove(t *testing.T) {
	tests := []struct {
		name, border string
		want         string // the kinds of the body rows, top to bottom
	}{
		{"double line in the heading's spacer cells", "border-top:3pt double #000", "F F = W F"},
		{"single line", "border-top:1pt solid #000", "F F - W F"},
		{"no line", "", "F F W F"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := `<html><body><table>
<tr><td>Cash</td><td>$</td><td>8,265</td></tr>
<tr><td>Total assets</td><td>$</td><td>9,000</td></tr>
<tr><td>LIABILITIES</td><td colspan="2" style="` + tt.border + `"></td></tr>
<tr><td>Accounts payable</td><td></td><td>1,000</td></tr>
</table></body></html>`
			tables, _ := readDoc(t, doc)
			if len(tables) != 1 {
				t.Fatalf("%d tables, want 1", len(tables))
			}
			var kinds []string
			for _, r := range tables[0].Body {
				switch r.Kind {
				case grid.Figures:
					kinds = append(kinds, "F")
				case grid.Words:
					kinds = append(kinds, "W")
				case grid.Rule:
					kinds = append(kinds, string(r.Rule))
				}
			}
			if got := strings.Join(kinds, " "); got != tt.want {
				t.Errorf("body rows %q, want %q", got, tt.want)
			}
		})
	}
	// Over a heading that follows a heading, the line rules off nothing.
	doc := `<html><body><table>
<tr><td>Cash</td><td>$</td><td>8,265</td></tr>
<tr><td>LIABILITIES</td><td colspan="2"></td></tr>
<tr><td>Current:</td><td colspan="2" style="border-top:3pt double #000"></td></tr>
<tr><td>Accounts payable</td><td></td><td>1,000</td></tr>
<tr><td>Accrued liabilities</td><td></td><td>500</td></tr>
</table></body></html>`
	tables, _ := readDoc(t, doc)
	for _, r := range tables[0].Body {
		if r.Kind == grid.Rule {
			t.Errorf("a rule between two headings: %+v", tables[0].Body)
		}
	}
}

// Inline elements split no words: text runs of one paragraph join as they
// stand, as a browser shows them ("ACME<b>’</b>S", "(Nas</font><font>daq",
// "2002</b>, Acme"). A run padded on its left stands apart (a bullet's
// text).
func TestInlineRunsJoinAsShown(t *testing.T) {
	for doc, want := range map[string]string{
		`<p><b>ACME</b>&#8217;<b>S WAY REPORTS</b></p>`:                                                                         "ACME’S WAY REPORTS",
		`<p><font>Acme Widgets, Inc. (Nas</font><font>daq: ACW), c</font><font>ompared</font></p>`:                              "Acme Widgets, Inc. (Nasdaq: ACW), compared",
		`<p><b>March 5, 2002</b><span>, Acme</span> said</p>`:                                                                   "March 5, 2002, Acme said",
		`<p><font>&#8226;</font><font style="padding-left:14.5pt">Cloud revenues: $478 million</font></p>`:                      "• Cloud revenues: $478 million",
		`<p>Net <b>income</b> rose</p>`:                                                                                         "Net income rose",
		`<p><span style="display:block">Acme Reports</span><span style="display:inline-block">Record Year</span>Sales rose</p>`: "Acme Reports Record Year Sales rose",
	} {
		_, prose := readDoc(t, doc)
		if len(prose) != 1 || prose[0].Text != want {
			t.Errorf("prose of %s = %+v, want %q", doc, prose, want)
		}
	}
}

// The text laid over a page's image carries its own line breaks
// ("&#13;&#10;"): its blank lines part its paragraphs, a line of web
// addresses stands alone, and its other line breaks are spaces.
func TestTextLayerParagraphs(t *testing.T) {
	doc := `<div><img src="page1.jpg"><font style="font-size:1pt;color:white">NEWS &#13;&#10; &#13;&#10;www.acme.com  www.x.com/acme &#13;&#10;Acme Widens Its Lead in &#13;&#10;` +
		`Widgets &#13;&#10; &#13;&#10;DALLAS, March 5, 2002 &#8211; Acme said &#13;&#10;sales rose.</font></div><p>Next page</p>`
	_, prose := readDoc(t, doc)
	var got []string
	for _, l := range prose {
		got = append(got, l.Text)
	}
	want := "NEWS | www.acme.com www.x.com/acme | Acme Widens Its Lead in Widgets | DALLAS, March 5, 2002 – Acme said sales rose. | Next page"
	if strings.Join(got, " | ") != want {
		t.Errorf("prose %q, want %q", strings.Join(got, " | "), want)
	}
}

// outline writes what Read finds in a document, one line each: "P text"
// for a paragraph of prose, "T n" for a table of n columns followed by
// "A text" for the text above it (nearest first) and its rows as render
// writes them; then "W ..." for each warning.
func outline(doc string) string {
	var warns []string
	tables, prose := Read(splitLines([]byte(doc)), func(n int, msg string) { warns = append(warns, "W "+msg) })
	var out []string
	for _, p := range prose {
		out = append(out, "P "+p.Text)
	}
	for _, tb := range tables {
		out = append(out, fmt.Sprintf("T %d", tb.Columns))
		for _, a := range tb.Above {
			out = append(out, "A "+a.Text)
		}
		for _, r := range tb.Head {
			out = append(out, render(r, true))
		}
		for _, r := range tb.Body {
			out = append(out, render(r, false))
		}
	}
	return strings.Join(append(out, warns...), "\n")
}

// twoRows are rows of figures under a table's own rows, so that it holds
// three rows of figures.
// Their cells are: label, sign, figure, closer, figure.
const twoRows = `<tr><td>A</td><td></td><td>1</td><td></td><td>2</td></tr><tr><td>B</td><td></td><td>3</td><td></td><td>4</td></tr>`

const threeRows = `<tr><td>X</td><td>1</td></tr><tr><td>Y</td><td>2</td></tr><tr><td>Z</td><td>3</td></tr>`

// Cases a code review found: each document is read as a browser shows it.
func TestReadAsShown(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []string
	}{
		// A parenthesis or a currency sign with it in a cell of its own
		// opens the figure on its right.
		{"parenthesis in its own cell",
			`<table>` + twoRows + `<tr><td>Net loss</td><td>(</td><td>1,234</td><td>)</td><td>5</td></tr></table>`,
			[]string{"T 2", "A = 0:1 1:2", "B = 0:3 1:4", "Net loss = 0:(1,234) 1:5"}},
		{"dollar and parenthesis apart",
			`<table>` + twoRows + `<tr><td>Net loss</td><td>$ (</td><td>1,234</td><td>)</td><td>5</td></tr></table>`,
			[]string{"T 2", "A = 0:1 1:2", "B = 0:3 1:4", "Net loss = 0:$(1,234) 1:5"}},
		{"parenthesis and dollar apart in a table of three rows",
			`<table><tr><td>A</td><td></td><td></td><td>1</td></tr><tr><td>B</td><td></td><td></td><td>3</td></tr>` +
				`<tr><td>Net loss</td><td>(</td><td>$</td><td>1,234)</td></tr></table>`,
			[]string{"T 1", "A = 0:1", "B = 0:3", "Net loss = 0:($1,234)"}},
		{"parenthesis then dollar",
			`<table><tr><td>A</td><td></td><td></td><td>1</td><td>2</td></tr><tr><td>B</td><td></td><td></td><td>3</td><td>4</td></tr>` +
				`<tr><td>Net loss</td><td>(</td><td>$</td><td>1,234)</td><td>5</td></tr></table>`,
			[]string{"T 2", "A = 0:1 1:2", "B = 0:3 1:4", "Net loss = 0:($1,234) 1:5"}},
		// A layout table's cell goes on after a statement inside it: the
		// second statement's title and scale stand above it.
		{"statements in a layout table",
			`<table><tr><td><p>BALANCE SHEETS</p><p>(in thousands)</p><table>` + threeRows + `</table>` +
				`<p>CASH FLOWS</p><p>(in millions)</p><table>` + threeRows + `</table><p>See notes.</p></td></tr></table><p>End</p>`,
			[]string{"P BALANCE SHEETS", "P (in thousands)", "P CASH FLOWS", "P (in millions)", "P See notes.", "P End",
				"T 1", "A (in thousands)", "A BALANCE SHEETS", "X = 0:1", "Y = 0:2", "Z = 0:3",
				"T 1", "A (in millions)", "A CASH FLOWS", "X = 0:1", "Y = 0:2", "Z = 0:3"}},
		// A little table inside a statement (a logo's, a check box's)
		// makes no page layout of it.
		{"little table inside a statement",
			`<table><tr><td>Revenue<table><tr><td>x</td></tr></table></td><td>100</td></tr><tr><td>Cost</td><td>50</td></tr><tr><td>Net</td><td>50</td></tr></table>`,
			[]string{"P x", "T 1", "Revenue = 0:100", "Cost = 0:50", "Net = 0:50"}},
		// A cell hidden by visibility keeps its place in the row.
		{"visibility:hidden cell",
			`<table><tr><td>Rev</td><td>$</td><td>100</td><td>$</td><td>90</td></tr>` +
				`<tr><td>Cost</td><td style="visibility:hidden">$</td><td>50</td><td></td><td>40</td></tr>` +
				`<tr><td>Net</td><td style="visibility:hidden !important">9</td><td>50</td><td>$</td><td>50</td></tr></table>`,
			[]string{"T 2", "Rev = 0:$100 1:$90", "Cost = 0:50 1:40", "Net = 0:50 1:$50"}},
		{"display:none !important",
			`<div style="display: none !important">Hidden 123</div><p>Shown</p>`,
			[]string{"P Shown"}},
		// A <pre> block ends with the element that ends it, and a block
		// inside it starts a line.
		{"pre ended by its parent",
			`<div><pre>x</div><p>Net income was $5 million.</p><p>End</p>`,
			[]string{"P x", "P Net income was $5 million.", "P End"}},
		{"block inside pre",
			`<pre>x<p>Net income was $5 million.</p>End<br>Last</pre>`,
			[]string{"P x", "P Net income was $5 million.", "P End", "P Last"}},
		{"pre unclosed in a cell",
			`<table><tr><td><pre>x</td></tr></table><p>Net income was $5 million.</p><p>End</p>`,
			[]string{"P x", "P Net income was $5 million.", "P End"}},
		// XHTML's empty elements are empty.
		{"empty table and pre",
			`<p>Intro</p><table/><pre/><p>Net income was $5 million.</p><table>` + threeRows + `</table><p>End</p>`,
			[]string{"P Intro", "P Net income was $5 million.", "P End", "T 1", "A Net income was $5 million.", "A Intro", "X = 0:1", "Y = 0:2", "Z = 0:3"}},
		// A notes column is found by its head above the figures, in the
		// row of years too; a figure under a wide "Notes" head, or a
		// "Notes" among the figures, makes no marks of figures.
		{"notes head in the years row",
			`<table><tr><td>(US$ millions)</td><td>Note</td><td>2024</td><td>2023</td></tr><tr><td>Rev</td><td>3</td><td>1,000</td><td>900</td></tr>` +
				`<tr><td>Cost</td><td>4</td><td>500</td><td>400</td></tr><tr><td>Net</td><td></td><td>500</td><td>500</td></tr></table>`,
			[]string{"T 2", "H -1--1 (US$ millions) | -1--1 Note | 0-0 2024 | 1-1 2023", "Rev = 0:1,000 1:900", "Cost = 0:500 1:400", "Net = 0:500 1:500"}},
		{"notes head over a figure",
			`<table><tr><td></td><td colspan=3>Notes</td><td>Dec. 31</td></tr><tr><td>Rev</td><td>3</td><td></td><td>1,000</td><td>900</td></tr>` +
				`<tr><td>Cost</td><td>4</td><td></td><td>500</td><td>400</td></tr><tr><td>Net</td><td></td><td></td><td>500</td><td>500</td></tr></table>`,
			[]string{"T 2", "H 0-0 Notes | 1-1 Dec. 31", "Rev = 0:1,000 1:900", "Cost = 0:500 1:400", "Net = 0:500 1:500"}},
		{"notes among the figures",
			`<table><tr><td></td><td>2024</td><td>2023</td></tr><tr><td>Rev</td><td>1,000</td><td>900</td></tr><tr><td></td><td colspan=2>Notes</td></tr>` +
				`<tr><td>Cost</td><td>500</td><td>400</td></tr><tr><td>Net</td><td>500</td><td>500</td></tr></table>`,
			[]string{"T 2", "H 0-0 2024 | 1-1 2023", "Rev = 0:1,000 1:900", "W Notes", "Cost = 0:500 1:400", "Net = 0:500 1:500"}},
		// A footnote's mark in a cell of its own right of a figure is
		// that figure's mark; a column of small negatives is figures.
		{"footnote mark in its own cell",
			`<table><tr><td></td><td colspan=3>2024</td><td colspan=3>2023</td></tr><tr><td>Rev</td><td>$</td><td>1,000</td><td></td><td>$</td><td>900</td><td></td></tr>` +
				`<tr><td>Adj EBITDA</td><td>$</td><td>500</td><td>(1)</td><td>$</td><td>400</td><td>(a)</td></tr><tr><td>Net</td><td>$</td><td>50</td><td></td><td>$</td><td>40</td><td></td></tr></table>`,
			[]string{"T 2", "H 0-0 2024 | 1-1 2023", "Rev = 0:$1,000 1:$900", "Adj EBITDA = 0:$500 1:$400", "Net = 0:$50 1:$40"}},
		{"column of small negatives",
			`<table><tr><td></td><td>2024</td><td>2023</td></tr><tr><td>Other</td><td>3</td><td>(1)</td></tr><tr><td>Tax</td><td>2</td><td>(1)</td></tr><tr><td>Net</td><td>5</td><td>(2)</td></tr></table>`,
			[]string{"T 2", "H 0-0 2024 | 1-1 2023", "Other = 0:3 1:(1)", "Tax = 0:2 1:(1)", "Net = 0:5 1:(2)"}},
		// A year with a footnote mark heads its column.
		{"year with a footnote mark",
			`<table><tr><td></td><td>2024(1)</td><td>2023</td></tr>` + `<tr><td>A</td><td>1</td><td>2</td></tr><tr><td>B</td><td>3</td><td>4</td></tr><tr><td>C</td><td>5</td><td>6</td></tr></table>`,
			[]string{"T 2", "H 0-0 2024(1) | 1-1 2023", "A = 0:1 1:2", "B = 0:3 1:4", "C = 0:5 1:6"}},
		// Years where the labels stand are labels: a maturity table.
		{"years as labels",
			`<table><tr><td></td><td></td><td>Amount</td></tr><tr><td>2025</td><td>$</td><td>100</td></tr><tr><td>2026</td><td>$</td><td>200</td></tr><tr><td>Thereafter</td><td>$</td><td>300</td></tr></table>`,
			[]string{"T 1", "H 0-0 Amount", "2025 = 0:$100", "2026 = 0:$200", "Thereafter = 0:$300"}},
		// A table of years only is words.
		{"table of years only",
			`<p>Before</p><table><tr><td>Fiscal year</td><td>2024</td></tr><tr><td>Prior year</td><td>2023</td></tr><tr><td>Base year</td><td>2020</td></tr></table><p>After</p>`,
			[]string{"P Before", "P Fiscal year 2024", "P Prior year 2023", "P Base year 2020", "P After"}},
		// Inline elements split no words in a cell; a line break or a
		// box does.
		{"inline elements in cells",
			`<table><tr><td>Share<font>holders</font> equity</td><td>1,<b>234</b></td><td>(5<span>6</span>)</td></tr>` +
				`<tr><td>Net<br>income</td><td>1</td><td>2</td></tr><tr><td><div>Other</div><div>items</div></td><td>3</td><td>4</td></tr>` +
				`<tr><td>Per share<sup>(1)</sup>(non-GAAP)</td><td>5</td><td>6</td></tr></table>`,
			[]string{"T 2", "Shareholders equity = 0:1,234 1:(56)", "Net income = 0:1 1:2", "Other items = 0:3 1:4", "Per share (non-GAAP) = 0:5 1:6"}},
		// What shows only without scripts, and templates, are not shown.
		{"noscript and template",
			`<p>a</p><noscript><img src="pixel.gif" alt="x"> Enable scripts</noscript><template><table>` + threeRows + `</table></template><p>b</p>`,
			[]string{"P a", "P b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got, want := outline(tt.doc), strings.Join(tt.want, "\n"); got != want {
				t.Errorf("read as\n\t%s\nwant\n\t%s", strings.ReplaceAll(got, "\n", "\n\t"), strings.ReplaceAll(want, "\n", "\n\t"))
			}
		})
	}
}
