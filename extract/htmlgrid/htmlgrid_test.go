package htmlgrid

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"finexport/extract/grid"
	"finexport/extract/textgrid"
)

// The fixtures under testdata/html/traps are small hand-made releases, one
// for each trap of real EDGAR HTML. These tests hold the reader to the
// grids a person reads in them; the expected rows are typed by hand from
// the fixtures.

const trapsDir = "../../testdata/html/traps"

// readFixture reads a fixture into lines as the extractor does: UTF-8, or
// Windows-1252 when not valid UTF-8; CR LF and tabs undone.
func readFixture(t testing.TB, name string) []Line {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(trapsDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return splitLines(raw)
}

func splitLines(raw []byte) []Line {
	lines, _, err := textgrid.Decode(raw)
	if err != nil {
		panic(err)
	}
	return lines
}

func read(t testing.TB, name string) ([]grid.Table, []Line) {
	t.Helper()
	return Read(readFixture(t, name), func(int, string) {})
}

// render writes a row as the tests spell it:
//
//	H 0-1 Three Months Ended | -1--1 (Unaudited)   a head row: each cell's columns and text
//	Label >indent = 0:$1,234 1:(56)                a row of figures: each figure's column
//	W Label >indent                                a row of words
//	R- or R=                                       a rule
//	B                                              a blank row
//
// Footnote marks (superscripts, a notes column's references) are in no
// row's text: the rows show them gone.
func render(r grid.Row, head bool) string {
	var b strings.Builder
	extras := func() {
		if r.Indent != 0 {
			fmt.Fprintf(&b, " >%d", r.Indent)
		}
	}
	switch {
	case head:
		b.WriteString("H")
		for i, c := range r.Cells {
			if i > 0 {
				b.WriteString(" |")
			}
			fmt.Fprintf(&b, " %d-%d %s", c.First, c.Last, c.Text)
		}
	case r.Kind == grid.Rule:
		b.WriteString("R" + string(r.Rule))
	case r.Kind == grid.Blank:
		b.WriteString("B")
	case r.Kind == grid.Words:
		b.WriteString("W " + r.Label)
		extras()
	default:
		b.WriteString(r.Label)
		extras()
		b.WriteString(" =")
		for _, c := range r.Cells {
			fmt.Fprintf(&b, " %d:%s", c.First, c.Text)
		}
	}
	return b.String()
}

type wantGrid struct {
	columns int
	head    []string
	body    []string
}

// checkGrid compares a table with the rows typed by hand.
func checkGrid(t *testing.T, name string, got grid.Table, want wantGrid) {
	t.Helper()
	if got.Columns != want.columns {
		t.Errorf("%s: table at line %d has %d columns, want %d", name, got.Start, got.Columns, want.columns)
	}
	compare := func(part string, rows []grid.Row, head bool, want []string) {
		t.Helper()
		var lines []string
		for _, r := range rows {
			lines = append(lines, render(r, head))
		}
		if strings.Join(lines, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: table at line %d, %s rows:\ngot:\n\t%s\nwant:\n\t%s", name, got.Start, part,
				strings.Join(lines, "\n\t"), strings.Join(want, "\n\t"))
		}
	}
	compare("head", got.Head, true, want.head)
	compare("body", got.Body, false, want.body)
}

func TestTrapGrids(t *testing.T) {
	tests := []struct {
		file   string
		tables []wantGrid
	}{
		{
			// 1. Hidden cells (display:none, DISPLAY: NONE, the hidden
			// attribute), a hidden row and hidden spans inside cells: a
			// different number of them in every row.
			file: "01-hidden-cells.htm",
			tables: []wantGrid{{
				columns: 2,
				head: []string{
					"H 0-1 Three Months Ended March 31,",
					"H 0-0 2024 | 1-1 2023",
				},
				body: []string{
					"Revenue = 0:$12,345 1:$11,002",
					"Cost of revenue >10 = 0:5,432 1:5,001",
					"R-",
					"Gross profit = 0:6,913 1:6,001",
					"Operating expenses >10 = 0:4,100 1:3,950",
					"Net income = 0:$2,813 1:$2,051",
					"R=",
					"Net income per share — diluted = 0:$0.45 1:$0.33",
				},
			}},
		},
		{
			// 2. colspan and rowspan: a corner cell spanning two header
			// rows, headers spanning $, figure and spacer columns, figure
			// cells spanning the $ column in some rows and not in others,
			// empty cells where a period has no figure, colspan="1000" and
			// rowspan="9999".
			file: "02-spans.htm",
			tables: []wantGrid{{
				columns: 4,
				head: []string{
					"H -1--1 (Unaudited) | 0-1 Three Months Ended June 30, | 2-3 Six Months Ended June 30,",
					"H 0-0 2024 | 1-1 2023 | 2-2 2024 | 3-3 2023",
				},
				body: []string{
					"Net sales = 0:$1,250 1:$1,100 2:$2,430 3:$2,150",
					"Cost of sales = 0:700 1:640 2:1,370 3:1,255",
					"R-",
					"Gross profit = 0:550 1:460 2:1,060 3:895",
					"W Operating expenses:",
					"Selling, general and administrative >10 = 0:300 1:270 2:590 3:535",
					"Restructuring charges >10 = 1:25 3:40",
					"R-",
					"Total operating expenses >20 = 0:300 1:295 2:590 3:575",
					"Operating income = 0:250 1:165 2:470 3:320",
					"Income tax expense = 0:60 1:45 2:115 3:80",
					"R-",
					"Net income = 0:$190 1:$120 2:$355 3:$240",
					"R=",
					"Diluted earnings per share = 0:$0.95 1:$0.60 2:$1.78 3:$1.20",
				},
			}},
		},
		{
			// 3. Split figures: "(2,417" ")", "(3%" ")", "$" "(0.12" ")",
			// "(22" ")%", "(12" ")(a)", "41.5" "%".
			file: "03-split-figures.htm",
			tables: []wantGrid{{
				columns: 3,
				head: []string{
					"H 0-1 Three Months Ended September 30, | 2-2 %",
					"H 0-0 2024 | 1-1 2023 | 2-2 Change",
				},
				body: []string{
					"Revenue = 0:$10,500 1:$10,820 2:(3%)",
					"Gross margin = 0:41.5% 1:43.0% 2:—",
					"Operating loss = 0:(2,417) 1:(1,980) 2:(22)%",
					"Other income (expense), net = 0:35 1:(12)(a) 2:nm",
					"R-",
					"Net loss = 0:$(2,382) 1:$(1,992) 2:(20)%",
					"R=",
					"Net loss per share — basic and diluted = 0:$(0.12) 1:$(0.10) 2:(20)%",
					"Weighted-average shares outstanding — basic and diluted = 0:19,850 1:19,920 2:—",
				},
			}},
		},
		{
			// 4. Headers over three rows under a corner cell with
			// rowspan=3; headers broken by <br>; a footnote mark after a
			// date.
			file: "04-multirow-headers.htm",
			tables: []wantGrid{{
				columns: 2,
				head: []string{
					"H 0-1 THREE MONTHS ENDED",
					"H 0-0 March 29, | 1-1 March 30,",
					"H 0-0 2003 | 1-1 2002",
				},
				body: []string{
					"Net revenues = 0:$48,210 1:$45,730",
					"Cost of revenues = 0:20,115 1:19,870",
					"Gross margin = 0:28,095 1:25,860",
					"Net income = 0:$3,402 1:$2,911",
					"Net income per share - diluted = 0:$0.21 1:$0.18",
				},
			}, {
				columns: 2,
				head: []string{
					"H 0-0 March 29, 2003 | 1-1 December 28, 2002 (1)",
				},
				body: []string{
					"Cash and cash equivalents = 0:$22,480 1:$19,935",
					"Accounts receivable, net = 0:14,300 1:15,120",
					"Total current assets = 0:36,780 1:35,055",
					"Property and equipment, net = 0:22,120 1:22,155",
					"Total assets = 0:$58,900 1:$57,210",
				},
			}},
		},
		{
			// 5. Dashes: &#151;, &#8212;, a raw em dash, and "$" "&#151;".
			file: "05-dashes.htm",
			tables: []wantGrid{{
				columns: 2,
				head: []string{
					"H 0-1 Six Months Ended June 30,",
					"H 0-0 2005 | 1-1 2004",
				},
				body: []string{
					"Revenues = 0:$8,100 1:$7,650",
					"Cost of revenues >10 = 0:5,200 1:4,980",
					"Restructuring charges >10 = 0:— 1:310",
					"Impairment of long-lived assets >10 = 0:— 1:—",
					"Other expense, net >10 = 0:— 1:45",
					"R-",
					"Income before income taxes = 0:2,900 1:2,315",
					"Income taxes >10 = 0:1,015 1:810",
					"R-",
					"Net income = 0:$1,885 1:$1,505",
					"R=",
					"Preferred dividends = 0:$— 1:$—",
				},
			}},
		},
		{
			// 6. Footnote marks: raised text (position:relative;
			// top:-3pt), <sup>, a raised "(a)" after a header's date, and
			// a trailing "Notes" column of references ("1", "1,2", "3").
			file: "06-footnote-marks.htm",
			tables: []wantGrid{{
				columns: 2,
				head: []string{
					"H 0-1 Thirteen Weeks Ended",
					"H 0-0 February 3, 2024 | 1-1 January 28, 2023 | -2--2 Notes",
				},
				body: []string{
					"Net sales >1 = 0:$5,210 1:$4,980",
					"Cost of sales >1 = 0:3,120 1:3,040",
					"Selling, general and administrative expenses >1 = 0:1,240 1:1,190",
					"R-",
					"Operating income >1 = 0:850 1:750",
					"Net earnings >1 = 0:$640 1:$560",
					"R=",
					"W Earnings per share: >1",
					"– Basic >13 = 0:$1.28 1:$1.12",
					"– Diluted >13 = 0:$1.26 1:$1.10",
				},
			}},
		},
		{
			// 10. Layout tables (a logo, a contact block, bullets, a
			// call's dial-in numbers, footnotes laid out as a table, page
			// furniture) give no grid; only the statement does.
			file: "10-layout-tables.htm",
			tables: []wantGrid{{
				columns: 2,
				head: []string{
					"H 0-1 Year Ended December 31,",
					"H 0-0 2024 | 1-1 2023",
				},
				body: []string{
					"Net income = 0:$1,180 1:$1,050",
					"Depreciation, depletion and amortization = 0:640 1:610",
					"Net cash provided by operating activities = 0:1,820 1:1,660",
					"Capital expenditures = 0:(1,050) 1:(980)",
					"Net cash used in investing activities = 0:(1,050) 1:(980)",
				},
			}},
		},
		{
			// 11. Windows-1252 bytes, CR LF, labels wrapped over source
			// lines and over two rows, runs of spaces, tabs and &nbsp;.
			file: "11-text-encoding.htm",
			tables: []wantGrid{{
				columns: 2,
				head: []string{
					"H 0-1 Three Months Ended",
					"H 0-0 September 30, 2024 | 1-1 September 30, 2023",
				},
				body: []string{
					"Revenue = 0:$52,410 1:$48,105",
					"Costs of food, beverage and packaging = 0:17,830 1:16,990",
					"Restaurant operating costs = 0:24,120 1:22,760",
					"R-",
					"Income from operations = 0:10,460 1:8,355",
					"W Net income attributable to",
					"Lambda’s stockholders >8 = 0:$7,640 1:$6,020",
					"R=",
				},
			}},
		},
		{
			// 12. A release whose first line holds the whole income
			// statement; the balance sheet over several lines.
			file: "12-sources.htm",
			tables: []wantGrid{{
				columns: 2,
				head: []string{
					"H 0-1 Three Months Ended March 31,",
					"H 0-0 2025 | 1-1 2024",
				},
				body: []string{
					"Revenue = 0:$4,210 1:$3,875",
					"Operating loss = 0:(1,118) 1:(1,342)",
					"Net loss = 0:$(1,050) 1:$(1,297)",
					"Net loss per share — basic and diluted = 0:$(0.21) 1:$(0.26)",
				},
			}, {
				columns: 2,
				head: []string{
					"H 0-0 March 31, 2025 | 1-1 December 31, 2024",
				},
				body: []string{
					"Cash and cash equivalents = 0:$12,400 1:$13,950",
					"Other assets = 0:17,720 1:17,055",
					"Total assets = 0:$30,120 1:$31,005",
					"Total stockholders’ equity — Mu Robotics = 0:21,730 1:22,410",
				},
			}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			tables, _ := read(t, tc.file)
			if len(tables) != len(tc.tables) {
				t.Fatalf("%d tables, want %d", len(tables), len(tc.tables))
			}
			for i := range tables {
				checkGrid(t, tc.file, tables[i], tc.tables[i])
			}
		})
	}
}

// figureAt returns the figure of the body row labelled label in column col.
func figureAt(t *testing.T, tb grid.Table, label string, col int) grid.Cell {
	t.Helper()
	for _, r := range tb.Body {
		if r.Label != label {
			continue
		}
		for _, c := range r.Cells {
			if c.First == col {
				return c
			}
		}
	}
	t.Fatalf("no figure of %q in column %d", label, col)
	return grid.Cell{}
}

// TestTrapNumbers: split figures and dashes read as the numbers printed.
func TestTrapNumbers(t *testing.T) {
	split, _ := read(t, "03-split-figures.htm")
	dashes, _ := read(t, "05-dashes.htm")
	tests := []struct {
		tb      grid.Table
		label   string
		col     int
		value   string
		percent bool
		dollar  bool
		nil     bool
	}{
		{split[0], "Revenue", 2, "-3", true, false, false},
		{split[0], "Operating loss", 0, "-2417", false, false, false},
		{split[0], "Operating loss", 2, "-22", true, false, false},
		{split[0], "Other income (expense), net", 1, "-12", false, false, false},
		{split[0], "Net loss", 1, "-1992", false, true, false},
		{split[0], "Net loss per share — basic and diluted", 0, "-0.12", false, true, false},
		{split[0], "Gross margin", 0, "41.5", true, false, false},
		{dashes[0], "Restructuring charges", 0, "0", false, false, true},
		{dashes[0], "Impairment of long-lived assets", 1, "0", false, false, true},
		{dashes[0], "Other expense, net", 0, "0", false, false, true},
		{dashes[0], "Preferred dividends", 1, "0", false, false, true},
	}
	for _, tc := range tests {
		c := figureAt(t, tc.tb, tc.label, tc.col)
		n := c.Num
		if n.Value.String() != tc.value || n.Percent != tc.percent || n.Dollar != tc.dollar || n.Nil != tc.nil {
			t.Errorf("%q column %d %q: value %s percent %v dollar %v nil %v; want %s %v %v %v", tc.label, tc.col, c.Text,
				n.Value, n.Percent, n.Dollar, n.Nil, tc.value, tc.percent, tc.dollar, tc.nil)
		}
	}
	if c := figureAt(t, split[0], "Other income (expense), net", 1); c.Num.Footnote != "(a)" {
		t.Errorf("(12)(a) keeps footnote %q, want (a)", c.Num.Footnote)
	}
}

// TestTrapPositions: a figure's position is the line and the columns of
// its own text in the file, counted in characters, entities and all: on a
// line of 2,000 characters, after "&#160;&#160;", after a curly quote.
func TestTrapPositions(t *testing.T) {
	hidden, _ := read(t, "01-hidden-cells.htm")
	sources, _ := read(t, "12-sources.htm")
	tests := []struct {
		tb    grid.Table
		label string
		col   int
		want  grid.Pos
	}{
		{hidden[0], "Revenue", 0, grid.Pos{Line: 18, Col: 200, EndCol: 205}},
		{hidden[0], "Net income per share — diluted", 1, grid.Pos{Line: 24, Col: 272, EndCol: 275}},
		{sources[0], "Revenue", 0, grid.Pos{Line: 1, Col: 1141, EndCol: 1145}},
		{sources[0], "Operating loss", 0, grid.Pos{Line: 1, Col: 1346, EndCol: 1351}},
		{sources[0], "Net loss per share — basic and diluted", 1, grid.Pos{Line: 1, Col: 1940, EndCol: 1944}},
		{sources[1], "Total stockholders’ equity — Mu Robotics", 0, grid.Pos{Line: 7, Col: 92, EndCol: 97}},
	}
	for _, tc := range tests {
		if got := figureAt(t, tc.tb, tc.label, tc.col).Pos; got != tc.want {
			t.Errorf("%q column %d at %+v, want %+v", tc.label, tc.col, got, tc.want)
		}
	}
	// The rows of a one-line table all stand on that line.
	for _, r := range sources[0].Body {
		if r.Line != 1 {
			t.Errorf("row %q on line %d, want 1", r.Label, r.Line)
		}
	}
}

// TestTrapText: the text around the tables. The document's <title> is not
// text; titles and scale notes stand above their table; bullets and
// footnotes laid out as tables become paragraphs; Windows-1252 reads.
func TestTrapText(t *testing.T) {
	tables, prose := read(t, "03-split-figures.htm")
	for _, p := range prose {
		if p.Text == "Document" {
			t.Errorf("the <title> %q is read as a paragraph", p.Text)
		}
	}
	above := func(tb grid.Table) []string {
		var out []string
		for _, a := range tb.Above {
			out = append(out, a.Text)
		}
		return out
	}
	if got := strings.Join(above(tables[0])[:3], " / "); got != "(In thousands, except per share data) / CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS / GAMMA DEVICES, INC." {
		t.Errorf("03: text above the table, nearest first: %s", got)
	}
	tables, _ = read(t, "12-sources.htm")
	if got := strings.Join(above(tables[0])[:3], " / "); got != "(In thousands, except per share data) / CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS / MU ROBOTICS, INC." {
		t.Errorf("12: text above the one-line table, nearest first: %s", got)
	}
	if got := strings.Join(above(tables[1]), " / "); got != "(In thousands) / CONDENSED CONSOLIDATED BALANCE SHEETS" {
		t.Errorf("12: text above the second table: %s", got)
	}

	_, prose = read(t, "10-layout-tables.htm")
	want := []string{
		"• Full year revenue of $4.2 billion, up 6% from 2023.",
		"(1) Includes non-cash impairment charges.",
		"(713) 555-0142 (713) 555-0199",
		"Replay passcode: 482913",
	}
	for _, w := range want {
		found := false
		for _, p := range prose {
			found = found || p.Text == w
		}
		if !found {
			t.Errorf("10: no paragraph %q", w)
		}
	}

	_, prose = read(t, "11-text-encoding.htm")
	if len(prose) < 3 || prose[2].Text != "LAMBDA CAFÉ HOLDINGS, INC." || prose[2].N != 9 {
		t.Errorf("11: third paragraph %+v, want LAMBDA CAFÉ HOLDINGS, INC. on line 9", prose[min(2, len(prose)-1)])
	}
	if !strings.Contains(prose[1].Text, "from $48.1 million in the third quarter of 2023. “Our guests keep coming back,” said the company’s") {
		t.Errorf("11: the paragraph over two lines reads %q", prose[1].Text)
	}
}

// TestSpans: absurd spans are clamped; a rowspan reserves its columns in
// the rows below; a value belongs to the header whose columns cover it.
func TestSpans(t *testing.T) {
	if n := span([]byte("1000"), maxColspan); n != maxColspan {
		t.Errorf("colspan 1000 read as %d", n)
	}
	if n := span([]byte("99999999999999999999"), maxRowspan); n != maxRowspan {
		t.Errorf("a huge rowspan read as %d", n)
	}
	if n := span([]byte("0"), maxColspan); n != 1 {
		t.Errorf("colspan 0 read as %d", n)
	}
	if n := span([]byte(" 3 "), maxColspan); n != 3 {
		t.Errorf("colspan \" 3 \" read as %d", n)
	}
	doc := `<table>
<tr><td rowspan="2">Item</td><td colspan="2">Quarter</td><td colspan="2">Year</td></tr>
<tr><td>2024</td><td>2023</td><td>2024</td><td>2023</td></tr>
<tr><td>Sales</td><td></td><td>10</td><td>40</td><td></td></tr>
<tr><td>Costs</td><td>5</td><td>6</td><td>20</td><td>22</td></tr>
<tr><td>Other</td><td>1</td><td>2</td><td>3</td><td>4</td></tr>
</table>`
	tables, _ := Read(splitLines([]byte(doc)), func(int, string) {})
	if len(tables) != 1 {
		t.Fatalf("%d tables", len(tables))
	}
	checkGrid(t, "spans", tables[0], wantGrid{
		columns: 4,
		head:    []string{"H -1--1 Item | 0-1 Quarter | 2-3 Year", "H 0-0 2024 | 1-1 2023 | 2-2 2024 | 3-3 2023"},
		body:    []string{"Sales = 1:10 2:40", "Costs = 0:5 1:6 2:20 3:22", "Other = 0:1 1:2 2:3 3:4"},
	})
}

// FuzzRead feeds any bytes to the reader: it never panics, every figure
// stands in a column of its table, and every head cell covers columns
// that exist (or the stub, or none).
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(trapsDir, "*.htm"))
	for _, name := range files {
		raw, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
	f.Add([]byte(`<table><tr><td colspan=99999 rowspan=-3>(1</td><td>)%</td></tr><tr><td>$</td><td>(</td><td>)</td></tr></table>`))
	f.Add([]byte(`<table><tr><td>a<table><tr><td>1</td></tr></table></td><td>2</td></tr></table><pre>x  1  2
y  3  4</pre>`))
	for _, doc := range hostile(1 << 15) {
		f.Add(doc)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if len(raw) > 1<<16 {
			return
		}
		lines, _, err := textgrid.Decode(raw)
		if err != nil {
			return // empty or binary: the extractor reads no such file
		}
		tables, _ := Read(lines, func(int, string) {})
		for _, tb := range tables {
			for _, r := range tb.Body {
				for _, c := range r.Cells {
					if c.First < 0 || c.Last >= tb.Columns || c.First > c.Last {
						t.Fatalf("figure %q in columns %d-%d of %d", c.Text, c.First, c.Last, tb.Columns)
					}
				}
			}
			for _, r := range tb.Head {
				for _, c := range r.Cells {
					if c.First >= 0 && (c.Last >= tb.Columns || c.First > c.Last) || c.First < 0 && c.Last != c.First {
						t.Fatalf("head cell %q in columns %d-%d of %d", c.Text, c.First, c.Last, tb.Columns)
					}
				}
			}
		}
	})
}

// BenchmarkReadHTML reads a generated filing agent's release of about
// 2 MB: statements of 40 rows laid out in the style of Workiva's tables
// (spacer and $ columns, styled cells, &#160;), each table on one line.
func BenchmarkReadHTML(b *testing.B) {
	doc := generated(2 << 20)
	lines := splitLines(doc)
	b.SetBytes(int64(len(doc)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tables, _ := Read(lines, func(int, string) {})
		if len(tables) == 0 {
			b.Fatal("no tables")
		}
	}
}

// generated builds a release of at least size bytes from repeated tables.
func generated(size int) []byte {
	const cell = `<td style="padding:2px 0;text-align:right;vertical-align:bottom"><font style="color:#000000;font-family:'Times New Roman',serif;font-size:10pt;line-height:120%">`
	var b strings.Builder
	b.WriteString(`<html><head><title>Document</title></head><body>`)
	for k := 0; b.Len() < size; k++ {
		fmt.Fprintf(&b, `<div style="text-align:center"><font style="font-weight:700">STATEMENT %d</font></div><div style="text-align:center"><font>(In thousands, except per share data)</font></div>`, k)
		b.WriteString(`<table style="border-collapse:collapse;width:100%"><tr><td colspan="3"></td><td colspan="3" style="text-align:center"><font>Three Months Ended December&#160;31,</font></td><td colspan="3" style="text-align:center"><font>Year Ended December&#160;31,</font></td></tr>`)
		b.WriteString(`<tr><td colspan="3"></td><td colspan="3">2025</td><td colspan="3">2024</td></tr>`)
		for r := 0; r < 40; r++ {
			fmt.Fprintf(&b, `<tr><td colspan="3" style="padding:2px 1pt;text-align:left"><font>Line item %d</font></td><td style="display:none">9</td>`, r)
			fmt.Fprintf(&b, `<td><font>$</font></td>%s%d,%03d&#160;</font></td><td></td>`, cell, r+1, (k*7+r)%1000)
			fmt.Fprintf(&b, `<td><font>$</font></td>%s(%d,%03d</font></td><td><font>)</font></td></tr>`, cell, r+2, (k*3+r)%1000)
		}
		b.WriteString("</table>\n")
	}
	b.WriteString("</body></html>\n")
	return []byte(b.String())
}

// hostile builds documents of about size bytes that once took the reader
// quadratic time or memory: a table three rows high and thousands of
// columns wide, its figures in steps; cells spanning 40 columns and 20
// rows; thousands of elements left open and end tags nothing opened,
// in and out of a table.
func hostile(size int) map[string][]byte {
	docs := map[string][]byte{}
	var b strings.Builder
	b.WriteString("<table>")
	for r := 0; r < 3; r++ {
		b.WriteString("<tr>")
		for i := 0; i < size/30; i++ {
			if (i+r)%2 == 0 {
				b.WriteString("<td></td>")
			}
			b.WriteString("<td>1</td>")
		}
	}
	docs["wide"] = []byte(b.String() + "</table>")
	b.Reset()
	b.WriteString("<table>")
	for b.Len() < size {
		b.WriteString("<tr>")
		for i := 0; i < 400; i++ {
			b.WriteString("<td colspan=40 rowspan=20>1</td>")
		}
	}
	docs["spans"] = []byte(b.String() + "</table>")
	n := size / 10
	docs["unclosed"] = []byte(strings.Repeat("<font>", n/2) + strings.Repeat("</b>", n/2))
	docs["unclosed in a cell"] = []byte("<b><table><tr><td>" + strings.Repeat("<font>x", n/3) + strings.Repeat("</b>", n/3))
	return docs
}

// The hostile documents complete (their time is BenchmarkReadHTML's
// business), and a row of thousands of figure columns is clamped to the
// grid's width rather than dropped.
func TestHostileDocuments(t *testing.T) {
	for name, doc := range hostile(1 << 20) {
		t.Run(name, func(t *testing.T) {
			tables, _ := Read(splitLines(doc), func(int, string) {})
			if name == "wide" && (len(tables) != 1 || tables[0].Columns != maxWidth) {
				t.Errorf("the wide table: %d tables, want one of %d columns", len(tables), maxWidth)
			}
		})
	}
}

// An entity without its semicolon is one character, as browsers read it:
// a figure's place starts after "&nbsp".
func TestEntityWithoutSemicolon(t *testing.T) {
	for raw, want := range map[string]int{"&nbsp1,234": 5, "&#160;5": 6, "&nbsp;&nbsp7": 11, "&amp1": 0, "&x1": 0, "  &#160": 7} {
		if got := rawSpace([]byte(raw)); got != want {
			t.Errorf("rawSpace(%q) = %d, want %d", raw, got, want)
		}
	}
}

// BenchmarkCorpusRead reads every HTML filing of the corpus
// (../shared/corpus/html), decoded into lines beforehand: the reader
// alone on real EDGAR HTML, against BenchmarkCorpusHTMLParse in extract.
func BenchmarkCorpusRead(b *testing.B) {
	files, _ := filepath.Glob("../../../shared/corpus/html/*")
	if len(files) == 0 {
		b.Skip("no corpus under ../shared/corpus/html")
	}
	var docs [][]Line
	size := 0
	for _, name := range files {
		raw, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		docs, size = append(docs, splitLines(raw)), size+len(raw)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		for _, doc := range docs {
			Read(doc, func(int, string) {})
		}
	}
}

// prefixByCopy is prefix as it was first written, copying every cell's
// text: the reference for the quick rejection prefix now makes.
func prefixByCopy(s string) (string, bool) {
	t := strings.ReplaceAll(s, " ", "")
	paren := strings.Count(t, "(")
	sign := strings.ReplaceAll(t, "(", "")
	if paren > 1 || sign == "" && paren == 0 || sign != "" && !isCurrency(sign) {
		return "", false
	}
	return t, true
}

// FuzzPrefix: prefix reads any text as the copying version does.
func FuzzPrefix(f *testing.F) {
	for _, s := range []string{"$", "( $", "US$", "U.S. $", "C$", "CAD$ (", "€", "£", "¥", "(", " (", "((", "1,234", "(1", "$1", "", "U", "Ca"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := prefix(s)
		want, wantOK := prefixByCopy(s)
		if got != want || ok != wantOK {
			t.Fatalf("prefix(%q) = %q, %v; the copying version %q, %v", s, got, ok, want, wantOK)
		}
	})
}

// collapseByCopy is collapse as it was first written, copying every
// text: the reference for collapse's check that a text is folded already.
func collapseByCopy(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if isSpace(r) {
			space = space || !zeroWidth(r)
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// FuzzCollapse: collapse folds any text as the copying version does.
func FuzzCollapse(f *testing.F) {
	for _, s := range []string{"", " ", "a", "a b", "a  b", " a", "a ", "a\u00a0b", "a\u200bb", "a \u200b b", "\xff", "a\xff b", "a\tb", "Net  sales\n", "\u3000x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapse(s), collapseByCopy(s); got != want {
			t.Fatalf("collapse(%q) = %q, the copying version %q", s, got, want)
		}
	})
}

// FuzzCellWrite: a cell's text folded as its pieces come is the text
// collapse makes of them written whole, and so is each paragraph of it
// (a '|' in the input starts one, a '^' stands for a boundary's space).
// The pieces are valid UTF-8, as the decoded document's text always is.
func FuzzCellWrite(f *testing.F) {
	for _, s := range []string{"a b", " a|  b ^c", "Net\u00a0sales|\u200bx", "a^^b| |c", "€ 1,234|\n(56)", "x\u3000|\u200b|y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		var c cell
		var buf []byte
		var raw strings.Builder
		var froms, rawFroms []int
		for k, piece := range strings.Split(s, "|") {
			if k > 0 {
				froms, rawFroms = append(froms, c.textLen()), append(rawFroms, raw.Len())
			}
			for j, part := range strings.Split(piece, "^") {
				if j > 0 {
					c.space = true
					raw.WriteByte(' ')
				}
				c.write(&buf, []byte(part))
				raw.WriteString(part)
			}
		}
		whole := raw.String()
		c.seal(string(buf))
		if got, want := c.plain(), collapse(whole); got != want {
			t.Fatalf("folded as it came %q, collapsed whole %q", got, want)
		}
		text := c.plain()
		froms, rawFroms = append([]int{0}, froms...), append([]int{0}, rawFroms...)
		for k := range froms {
			to, rawTo := len(text), len(whole)
			if k+1 < len(froms) {
				to, rawTo = froms[k+1], rawFroms[k+1]
			}
			if got, want := collapse(text[froms[k]:to]), collapse(whole[rawFroms[k]:rawTo]); got != want {
				t.Fatalf("paragraph %d: %q from the folded text, %q from the whole", k, got, want)
			}
		}
	})
}

// A footnote's mark and a list's share the "(1)" test: one or two digits
// in parentheses; a footnote's may be a letter.
func TestMarks(t *testing.T) {
	for s, want := range map[string][2]bool{ // footnoteMark, listMark before words
		"(1)": {true, true}, "(12)": {true, true}, "(123)": {false, false}, "()": {false, false}, "(a)": {true, false},
		"(ab)": {false, false}, "(A)": {false, false}, "*": {true, false}, "†": {true, false}, "1": {false, false}, "(1": {false, false},
	} {
		if got := [2]bool{footnoteMark(s), listMark(s, "Revenue")}; got != want {
			t.Errorf("%q: footnote mark, list mark %v, want %v", s, got, want)
		}
	}
	if listMark("(1)", "1,234") {
		t.Error("(1) before a figure read as a list's mark")
	}
}
