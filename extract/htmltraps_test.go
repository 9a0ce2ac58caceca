package extract

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// The fixtures under testdata/html/traps are small hand-made releases, one
// for each trap of real EDGAR HTML (the reader's side is tested in
// extract/htmlgrid). These tests read each with the Parser and hold the
// figures that matter to values typed by hand from the fixtures.

func trapFiling(t *testing.T, name string) *Filing {
	t.Helper()
	return parseFile(t, filepath.Join("../testdata/html/traps", name))
}

// trapFact is a figure as the test expects it. period is "3m:2024-03-31"
// (a duration of months), "13w:2024-02-03" (of weeks), "@2024-03-31" (a
// balance) or "-" (no period).
type trapFact struct {
	label  string
	period string
	value  string
	unit   Unit
}

// periodIs reports whether p is the period spelled as in trapFact.
func periodIs(t *testing.T, p Period, spec string) bool {
	t.Helper()
	switch {
	case spec == "-":
		return p.IsZero()
	case strings.HasPrefix(spec, "@"):
		return p.IsInstant() && !p.IsZero() && p.End.Equal(mustDate(t, spec[1:]))
	}
	n, end, ok := strings.Cut(spec, ":")
	if !ok || len(n) < 2 {
		t.Fatalf("bad period %q", spec)
	}
	count := atoi(t, n[:len(n)-1])
	switch n[len(n)-1] {
	case 'm':
		return !p.IsInstant() && p.Months == count && p.End.Equal(mustDate(t, end))
	case 'w':
		return !p.IsInstant() && p.Weeks == count && p.End.Equal(mustDate(t, end))
	}
	t.Fatalf("bad period %q", spec)
	return false
}

// tableFacts returns the facts read from tables of the given statement.
func tableFacts(f *Filing, kind Statement) []Fact {
	var out []Fact
	for _, x := range f.Facts {
		if x.Table >= 0 && x.Statement == kind {
			out = append(out, x)
		}
	}
	return out
}

// checkFacts finds each expected figure among the table facts of a
// statement.
func checkFacts(t *testing.T, f *Filing, kind Statement, want []trapFact) {
	t.Helper()
	facts := tableFacts(f, kind)
	for _, w := range want {
		value := decimal.RequireFromString(w.value)
		found := false
		for _, x := range facts {
			if x.Label == w.label && x.Unit == w.unit && x.Value.Equal(value) && periodIs(t, x.Period, w.period) {
				found = true
				break
			}
		}
		if !found {
			var near []string
			for _, x := range facts {
				if x.Label == w.label {
					near = append(near, x.Period.String()+" "+x.Value.String()+" "+string(x.Unit))
				}
			}
			t.Errorf("%s: no %s figure %q %s %s %s; the label has: %s", f.File, kind, w.label, w.period, w.value, w.unit, strings.Join(near, "; "))
		}
	}
}

// pair spells the figures of a row over two periods.
func pair(label string, unit Unit, p1, v1, p2, v2 string) []trapFact {
	return []trapFact{{label, p1, v1, unit}, {label, p2, v2, unit}}
}

func join(rows ...[]trapFact) []trapFact {
	var out []trapFact
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}

// noTableFact fails when a table fact matches.
func noTableFact(t *testing.T, f *Filing, what string, match func(Fact) bool) {
	t.Helper()
	for _, x := range f.Facts {
		if x.Table >= 0 && match(x) {
			t.Errorf("%s: %s: %s %q %s %s at line %d", f.File, what, x.Statement, x.Label, x.Period, x.Value, x.Source.Line)
		}
	}
}

func valueIn(values ...string) func(Fact) bool {
	return func(x Fact) bool {
		for _, v := range values {
			if x.Value.Equal(decimal.RequireFromString(v)) {
				return true
			}
		}
		return false
	}
}

func hasTitle(tb *Table, title string) bool {
	for _, s := range tb.Title {
		if s == title {
			return true
		}
	}
	return false
}

// statements returns the tables of a filing that are statements.
func statements(f *Filing) []*Table {
	var out []*Table
	for _, tb := range f.Tables {
		if tb.Kind != Other {
			out = append(out, tb)
		}
	}
	return out
}

// 1. Hidden cells, a hidden row and hidden spans add nothing and shift
// nothing.
func TestTrapHiddenCells(t *testing.T) {
	f := trapFiling(t, "01-hidden-cells.htm")
	const q1, q0 = "3m:2024-03-31", "3m:2023-03-31"
	checkFacts(t, f, Income, join(
		pair("Revenue", USD, q1, "12345000", q0, "11002000"),
		pair("Cost of revenue", USD, q1, "5432000", q0, "5001000"),
		pair("Gross profit", USD, q1, "6913000", q0, "6001000"),
		pair("Operating expenses", USD, q1, "4100000", q0, "3950000"),
		pair("Net income", USD, q1, "2813000", q0, "2051000"),
		pair("Net income per share — diluted", PerShare, q1, "0.45", q0, "0.33"),
	))
	if n := len(tableFacts(f, Income)); n != 12 {
		t.Errorf("%d income figures, want the 12 shown", n)
	}
	noTableFact(t, f, "a hidden figure", valueIn("9999000", "1000000", "2000000", "-1111000", "77777"))
}

// 2. A value belongs to the header whose columns cover it: a row with
// figures for 2023 only keeps them under 2023.
func TestTrapSpans(t *testing.T) {
	f := trapFiling(t, "02-spans.htm")
	const q24, q23, h24, h23 = "3m:2024-06-30", "3m:2023-06-30", "6m:2024-06-30", "6m:2023-06-30"
	checkFacts(t, f, Income, join(
		pair("Net sales", USD, q24, "1250000000", q23, "1100000000"),
		pair("Net sales", USD, h24, "2430000000", h23, "2150000000"),
		pair("Cost of sales", USD, q24, "700000000", q23, "640000000"),
		pair("Cost of sales", USD, h24, "1370000000", h23, "1255000000"),
		pair("Restructuring charges", USD, q23, "25000000", h23, "40000000"),
		pair("Total operating expenses", USD, q24, "300000000", q23, "295000000"),
		pair("Total operating expenses", USD, h24, "590000000", h23, "575000000"),
		pair("Net income", USD, q24, "190000000", q23, "120000000"),
		pair("Net income", USD, h24, "355000000", h23, "240000000"),
		pair("Diluted earnings per share", PerShare, q24, "0.95", q23, "0.60"),
		pair("Diluted earnings per share", PerShare, h24, "1.78", h23, "1.20"),
	))
	noTableFact(t, f, "restructuring charges in 2024", func(x Fact) bool {
		return x.Label == "Restructuring charges" && x.Period.End.Year() == 2024
	})
}

// 3. Split figures: "(2,417" ")", "(3%" ")", "$" "(0.12" ")", "(22" ")%",
// "(12" ")(a)", "41.5" "%".
func TestTrapSplitFigures(t *testing.T) {
	f := trapFiling(t, "03-split-figures.htm")
	const q24, q23 = "3m:2024-09-30", "3m:2023-09-30"
	checkFacts(t, f, Income, join(
		pair("Revenue", USD, q24, "10500000", q23, "10820000"),
		pair("Gross margin", Percent, q24, "41.5", q23, "43.0"),
		pair("Operating loss", USD, q24, "-2417000", q23, "-1980000"),
		pair("Other income (expense), net", USD, q24, "35000", q23, "-12000"),
		pair("Net loss", USD, q24, "-2382000", q23, "-1992000"),
		pair("Net loss per share — basic and diluted", PerShare, q24, "-0.12", q23, "-0.10"),
		pair("Weighted-average shares outstanding — basic and diluted", Shares, q24, "19850000", q23, "19920000"),
		[]trapFact{
			{"Revenue (% Change)", "-", "-3", Percent},
			{"Operating loss (% Change)", "-", "-22", Percent},
			{"Net loss (% Change)", "-", "-20", Percent},
		},
	))
}

// 4. Headers over three rows and with <br>, under a corner cell with
// rowspan; a footnote mark after a date.
func TestTrapMultiRowHeaders(t *testing.T) {
	f := trapFiling(t, "04-multirow-headers.htm")
	const q03, q02 = "3m:2003-03-29", "3m:2002-03-30"
	checkFacts(t, f, Income, join(
		pair("Net revenues", USD, q03, "48210000", q02, "45730000"),
		pair("Cost of revenues", USD, q03, "20115000", q02, "19870000"),
		pair("Gross margin", USD, q03, "28095000", q02, "25860000"),
		pair("Net income", USD, q03, "3402000", q02, "2911000"),
		pair("Net income per share - diluted", PerShare, q03, "0.21", q02, "0.18"),
	))
	const b03, b02 = "@2003-03-29", "@2002-12-28"
	checkFacts(t, f, Balance, join(
		pair("Cash and cash equivalents", USD, b03, "22480000", b02, "19935000"),
		pair("Accounts receivable, net", USD, b03, "14300000", b02, "15120000"),
		pair("Total current assets", USD, b03, "36780000", b02, "35055000"),
		pair("Property and equipment, net", USD, b03, "22120000", b02, "22155000"),
		pair("Total assets", USD, b03, "58900000", b02, "57210000"),
	))
	if h := f.Tables[0].Columns[0].Header; h != "THREE MONTHS ENDED March 29, 2003" {
		t.Errorf("first column's header %q", h)
	}
}

// 5. Dashes mean zero.
func TestTrapDashes(t *testing.T) {
	f := trapFiling(t, "05-dashes.htm")
	const h05, h04 = "6m:2005-06-30", "6m:2004-06-30"
	checkFacts(t, f, Income, join(
		pair("Revenues", USD, h05, "8100000", h04, "7650000"),
		pair("Restructuring charges", USD, h05, "0", h04, "310000"),
		pair("Impairment of long-lived assets", USD, h05, "0", h04, "0"),
		pair("Other expense, net", USD, h05, "0", h04, "45000"),
		pair("Income before income taxes", USD, h05, "2900000", h04, "2315000"),
		pair("Net income", USD, h05, "1885000", h04, "1505000"),
		pair("Preferred dividends", USD, h05, "0", h04, "0"),
	))
}

// 6. Footnote marks leave labels and headers; a column of note
// references is no figures.
func TestTrapFootnoteMarks(t *testing.T) {
	f := trapFiling(t, "06-footnote-marks.htm")
	const w24, w23 = "13w:2024-02-03", "13w:2023-01-28"
	checkFacts(t, f, Income, join(
		pair("Net sales", USD, w24, "5210000", w23, "4980000"),
		pair("Cost of sales", USD, w24, "3120000", w23, "3040000"),
		pair("Selling, general and administrative expenses", USD, w24, "1240000", w23, "1190000"),
		pair("Operating income", USD, w24, "850000", w23, "750000"),
		pair("Net earnings", USD, w24, "640000", w23, "560000"),
		pair("– Basic", PerShare, w24, "1.28", w23, "1.12"),
		pair("– Diluted", PerShare, w24, "1.26", w23, "1.10"),
	))
	if n := len(tableFacts(f, Income)); n != 14 {
		t.Errorf("%d income figures, want 14 (the Notes column holds none)", n)
	}
	tb := f.Tables[0]
	if len(tb.Columns) != 2 || tb.Columns[0].Header != "Thirteen Weeks Ended February 3, 2024" || tb.Columns[1].Header != "Thirteen Weeks Ended January 28, 2023" {
		t.Errorf("columns %+v", tb.Columns)
	}
}

// 7. Title and scale in the paragraphs above each table; share counts
// with a scale of their own, or none.
func TestTrapTitleAndScale(t *testing.T) {
	f := trapFiling(t, "07-title-scale.htm")
	if len(f.Tables) != 2 {
		t.Fatalf("%d tables", len(f.Tables))
	}
	inc, bal := f.Tables[0], f.Tables[1]
	if inc.Kind != Income || !hasTitle(inc, "CONDENSED CONSOLIDATED STATEMENTS OF INCOME") || !hasTitle(inc, "ETA INDUSTRIES, INC. AND SUBSIDIARIES") {
		t.Errorf("first table %s titled %q", inc.Kind, inc.Title)
	}
	if !inc.Scale.Equal(decimal.NewFromInt(1000000)) || !inc.ShareScale.Equal(decimal.NewFromInt(1000)) {
		t.Errorf("income scale %s, shares %s", inc.Scale, inc.ShareScale)
	}
	if bal.Kind != Balance || !hasTitle(bal, "CONDENSED CONSOLIDATED BALANCE SHEETS") || !bal.Scale.Equal(decimal.NewFromInt(1000000)) || bal.ScaleShares {
		t.Errorf("second table %s titled %q scale %s shares scaled %v", bal.Kind, bal.Title, bal.Scale, bal.ScaleShares)
	}
	const n24, n23 = "9m:2024-09-30", "9m:2023-09-30"
	checkFacts(t, f, Income, join(
		pair("Revenues", USD, n24, "1234000000", n23, "1101000000"),
		pair("Operating income", USD, n24, "210000000", n23, "188000000"),
		pair("Net income", USD, n24, "150000000", n23, "131000000"),
		pair("Basic earnings per share", PerShare, n24, "2.50", n23, "2.15"),
		pair("Weighted-average shares outstanding – basic", Shares, n24, "60000000", n23, "60930000"),
	))
	const b24, b23 = "@2024-09-30", "@2023-12-31"
	checkFacts(t, f, Balance, join(
		pair("Cash and cash equivalents", USD, b24, "420000000", b23, "385000000"),
		pair("Total assets", USD, b24, "3950000000", b23, "3780000000"),
		pair("Long-term debt", USD, b24, "1500000000", b23, "1470000000"),
		pair("Total liabilities and stockholders’ equity", USD, b24, "3950000000", b23, "3780000000"),
		pair("Common shares outstanding", Shares, b24, "59874310", b23, "60512004"),
	))
}

// 8. Columns beside the periods get no period: % of revenues, % change,
// adjustments and non-GAAP, segments. A reconciliation is not the
// statement.
func TestTrapSideColumns(t *testing.T) {
	f := trapFiling(t, "08-side-columns.htm")
	if len(f.Tables) != 3 {
		t.Fatalf("%d tables", len(f.Tables))
	}
	const q24, q23 = "3m:2024-12-31", "3m:2023-12-31"
	checkFacts(t, f, Income, join(
		pair("Revenues", USD, q24, "820000000", q23, "760000000"),
		pair("Cost of revenues", USD, q24, "492000000", q23, "471200000"),
		pair("Gross profit", USD, q24, "328000000", q23, "288800000"),
		pair("Operating expenses", USD, q24, "205000000", q23, "197600000"),
		pair("Operating income", USD, q24, "123000000", q23, "91200000"),
		pair("Net income", USD, q24, "98400000", q23, "72200000"),
		pair("Diluted earnings per share", PerShare, q24, "1.23", q23, "0.90"),
	))
	stmt := f.Tables[0]
	for _, i := range []int{1, 3, 4} {
		if c := stmt.Columns[i]; !c.Period.IsZero() || !c.Change {
			t.Errorf("statement column %d %q: period %s, change %v", i+1, c.Header, c.Period, c.Change)
		}
	}
	with := 0
	for _, x := range f.Facts {
		if x.Table == 0 && !x.Period.IsZero() {
			with++
			if x.Unit == Percent {
				t.Errorf("a percentage with a period: %q %s %s", x.Label, x.Period, x.Value)
			}
		}
	}
	if with != 14 {
		t.Errorf("%d statement figures with a period, want 14", with)
	}
	recon, seg := f.Tables[1], f.Tables[2]
	if recon.Kind != Other {
		t.Errorf("the reconciliation is read as the %s statement", recon.Kind)
	}
	if !strings.HasSuffix(recon.Columns[1].Header, "Adjustments") || !recon.Columns[1].Period.IsZero() ||
		!strings.HasSuffix(recon.Columns[2].Header, "Non-GAAP") || !recon.Columns[2].Period.IsZero() {
		t.Errorf("reconciliation columns %+v", recon.Columns)
	}
	if seg.Kind != Other {
		t.Errorf("the segment table is read as the %s statement", seg.Kind)
	}
	// The segments' columns lose the period they share; a Total column
	// beside them is the period's reported figure (checked below: no other
	// revenue for the quarter).
	for i, want := range []string{"Products", "Services"} {
		if c := seg.Columns[i]; !strings.HasSuffix(c.Header, want) || !c.Period.IsZero() {
			t.Errorf("segment column %d %q has period %s", i+1, c.Header, c.Period)
		}
	}
	noTableFact(t, f, "an income figure that is not the statement's", func(x Fact) bool {
		return x.Statement == Income && x.Table != 0
	})
	noTableFact(t, f, "another revenue for the quarter", func(x Fact) bool {
		return x.Item == "revenue" && periodIs(t, x.Period, q24) && !x.Value.Equal(decimal.NewFromInt(820000000))
	})
}

// 9. A footnote's figures inside the statement's table are not
// statement lines.
func TestTrapFootnoteSubTable(t *testing.T) {
	f := trapFiling(t, "09-footnote-subtable.htm")
	const y24, y23 = "12m:2024-06-30", "12m:2023-06-30"
	checkFacts(t, f, Income, join(
		pair("Revenue", USD, y24, "96450000", y23, "88210000"),
		pair("Cost of revenue", USD, y24, "38580000", y23, "36170000"),
		pair("Research and development", USD, y24, "21300000", y23, "19850000"),
		pair("Sales and marketing", USD, y24, "24110000", y23, "23020000"),
		pair("Operating income", USD, y24, "12460000", y23, "9170000"),
		pair("Net income", USD, y24, "9870000", y23, "7020000"),
		pair("Net income per share – diluted", PerShare, y24, "0.81", y23, "0.59"),
	))
	if len(f.Tables) != 2 {
		t.Fatalf("%d tables, want the statement and the footnote's", len(f.Tables))
	}
	if stmt := f.Tables[0]; stmt.Kind != Income || len(stmt.Rows) != 7 {
		t.Errorf("statement %s with %d rows, want income with 7", stmt.Kind, len(stmt.Rows))
	}
	note := f.Tables[1]
	if note.Kind != Other || len(note.Title) != 1 || note.Title[0] != "(1) Includes amortization of acquired intangibles as follows:" || len(note.Rows) != 4 {
		t.Errorf("footnote table %s titled %q with %d rows", note.Kind, note.Title, len(note.Rows))
	}
	noTableFact(t, f, "a footnote's figure as a statement line", func(x Fact) bool {
		return x.Statement == Income && valueIn("1200000", "1100000", "450000", "400000", "300000", "280000", "1950000", "1780000")(x)
	})
	checkFacts(t, f, Other, pair("Cost of revenue", USD, y24, "1200000", y23, "1100000"))
}

// 10. A logo, a contact block, bullets, a call's dial-in numbers,
// footnotes laid out as a table and page furniture give no statement.
func TestTrapLayoutTables(t *testing.T) {
	f := trapFiling(t, "10-layout-tables.htm")
	if len(f.Tables) != 1 || f.Tables[0].Kind != CashFlow || !hasTitle(f.Tables[0], "CONSOLIDATED STATEMENTS OF CASH FLOWS") {
		for _, tb := range f.Tables {
			t.Errorf("table at line %d: %s %q", tb.StartLine, tb.Kind, tb.Title)
		}
		t.Fatal("want the cash flow statement alone")
	}
	const y24, y23 = "12m:2024-12-31", "12m:2023-12-31"
	checkFacts(t, f, CashFlow, join(
		pair("Net income", USD, y24, "1180000000", y23, "1050000000"),
		pair("Depreciation, depletion and amortization", USD, y24, "640000000", y23, "610000000"),
		pair("Net cash provided by operating activities", USD, y24, "1820000000", y23, "1660000000"),
		pair("Capital expenditures", USD, y24, "-1050000000", y23, "-980000000"),
		pair("Net cash used in investing activities", USD, y24, "-1050000000", y23, "-980000000"),
	))
	noTableFact(t, f, "a figure of a layout table", valueIn("-1", "-2", "13751234", "482913", "4"))
}

// 11. Windows-1252, wrapped labels and every kind of white space; the
// prose goes through the prose reader.
func TestTrapText(t *testing.T) {
	f := trapFiling(t, "11-text-encoding.htm")
	const q24, q23 = "3m:2024-09-30", "3m:2023-09-30"
	checkFacts(t, f, Income, join(
		pair("Revenue", USD, q24, "52410000", q23, "48105000"),
		pair("Costs of food, beverage and packaging", USD, q24, "17830000", q23, "16990000"),
		pair("Restaurant operating costs", USD, q24, "24120000", q23, "22760000"),
		pair("Income from operations", USD, q24, "10460000", q23, "8355000"),
		pair("Net income attributable to Lambda’s stockholders", USD, q24, "7640000", q23, "6020000"),
	))
	warned := false
	for _, d := range f.Diagnostics {
		warned = warned || d.Msg == "not UTF-8; read as Windows-1252"
	}
	if !warned {
		t.Error("no warning that the file is Windows-1252")
	}
	if !hasTitle(f.Tables[0], "LAMBDA CAFÉ HOLDINGS, INC.") {
		t.Errorf("titles %q", f.Tables[0].Title)
	}
	prose := false
	for _, x := range f.Facts {
		prose = prose || x.Table < 0 && x.Unit == USD && x.Value.Equal(decimal.NewFromInt(52400000)) && x.Source.Line == 7
	}
	if !prose {
		t.Error("the prose's $52.4 million is not read")
	}
}

// 12. A figure's source is its line and columns in the file, on a line
// that holds a whole table.
func TestTrapSources(t *testing.T) {
	f := trapFiling(t, "12-sources.htm")
	if inc := f.Tables[0]; inc.Kind != Income || !hasTitle(inc, "MU ROBOTICS, INC.") || !hasTitle(inc, "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS") {
		t.Errorf("first table %s titled %q", inc.Kind, inc.Title)
	}
	tests := []struct {
		label  string
		period string
		src    Source
	}{
		{"Revenue", "3m:2025-03-31", Source{File: "12-sources.htm", Line: 1, ColStart: 1141, ColEnd: 1145}},
		{"Revenue", "3m:2024-03-31", Source{File: "12-sources.htm", Line: 1, ColStart: 1225, ColEnd: 1229}},
		{"Operating loss", "3m:2025-03-31", Source{File: "12-sources.htm", Line: 1, ColStart: 1346, ColEnd: 1351}},
		{"Operating loss", "3m:2024-03-31", Source{File: "12-sources.htm", Line: 1, ColStart: 1431, ColEnd: 1436}},
		{"Total stockholders’ equity — Mu Robotics", "@2025-03-31", Source{File: "12-sources.htm", Line: 7, ColStart: 92, ColEnd: 97}},
		{"Total stockholders’ equity — Mu Robotics", "@2024-12-31", Source{File: "12-sources.htm", Line: 7, ColStart: 141, ColEnd: 146}},
	}
	for _, tc := range tests {
		found := false
		for _, x := range f.Facts {
			if x.Table >= 0 && x.Label == tc.label && periodIs(t, x.Period, tc.period) {
				found = true
				if x.Source != tc.src {
					t.Errorf("%q %s from %+v, want %+v", tc.label, tc.period, x.Source, tc.src)
				}
			}
		}
		if !found {
			t.Errorf("no figure %q %s", tc.label, tc.period)
		}
	}
	checkFacts(t, f, Income, join(
		pair("Net loss", USD, "3m:2025-03-31", "-1050000", "3m:2024-03-31", "-1297000"),
		pair("Net loss per share — basic and diluted", PerShare, "3m:2025-03-31", "-0.21", "3m:2024-03-31", "-0.26"),
	))
	checkFacts(t, f, Balance, join(
		pair("Cash and cash equivalents", USD, "@2025-03-31", "12400000", "@2024-12-31", "13950000"),
		pair("Total assets", USD, "@2025-03-31", "30120000", "@2024-12-31", "31005000"),
	))
}

// Every fixture reads without an error and without a figure in a column
// that does not exist.
func TestTrapFixturesRead(t *testing.T) {
	files, _ := filepath.Glob("../testdata/html/traps/*.htm")
	if len(files) != 12 {
		t.Fatalf("%d fixtures, want 12", len(files))
	}
	for _, name := range files {
		f := parseFile(t, name)
		for _, tb := range f.Tables {
			for _, r := range tb.Rows {
				for _, c := range r.Cells {
					if c.Column < 0 || c.Column >= len(tb.Columns) {
						t.Errorf("%s:%d: figure in column %d of %d", name, r.Line, c.Column, len(tb.Columns))
					}
				}
			}
		}
	}
}
