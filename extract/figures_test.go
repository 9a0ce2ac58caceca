package extract

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// The .figures files under testdata/expected are typed by hand from the
// documents: every figure of every table, with its period, sign, scale and
// unit. This test holds the extractor to them, in both directions: nothing
// missing, nothing extra.

type wantTable struct {
	kind    Statement
	line    int
	columns []string // period keys, or "change"
	rows    []wantRow
}

type wantRow struct {
	line     int
	label    string
	inferred bool
	items    []string
	unit     Unit
	values   []string // "-" for no figure
}

type wantFiling struct {
	meta   map[string]string
	tables []wantTable
}

func readFigures(t *testing.T, path string) wantFiling {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	w := wantFiling{meta: map[string]string{}}
	sc := bufio.NewScanner(fh)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		fields := strings.Fields(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case fields[0] == "meta":
			k, v, _ := strings.Cut(strings.TrimPrefix(line, "meta "), "=")
			w.meta[strings.TrimSpace(k)] = strings.TrimSpace(v)
		case fields[0] == "table":
			w.tables = append(w.tables, wantTable{kind: Statement(fields[1]), line: atoi(t, fields[2])})
		case fields[0] == "columns":
			tb := &w.tables[len(w.tables)-1]
			for _, c := range fields[1:] {
				tb.columns = append(tb.columns, periodKey(t, c))
			}
		default:
			f := strings.Split(line, "|")
			if len(f) != 5 {
				t.Fatalf("%s:%d: want 5 fields", path, n)
			}
			r := wantRow{line: atoi(t, strings.TrimSpace(f[0])), label: strings.TrimSpace(f[1]), unit: Unit(strings.TrimSpace(f[3])), values: strings.Fields(f[4])}
			if rest, ok := strings.CutPrefix(r.label, "~"); ok {
				r.label, r.inferred = rest, true
			}
			if items := strings.TrimSpace(f[2]); items != "-" {
				r.items = strings.Split(items, ",")
			}
			tb := &w.tables[len(w.tables)-1]
			tb.rows = append(tb.rows, r)
		}
	}
	return w
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			t.Fatalf("not a number: %q", s)
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// periodKey turns "2003-10-01..2003-12-31" or "@2003-12-31" into a Key.
func periodKey(t *testing.T, s string) string {
	t.Helper()
	switch {
	case s == "change":
		return s
	case s == "none":
		return ""
	case strings.HasPrefix(s, "@"):
		return "I" + mustDate(t, s[1:]).Format(isoDate)
	}
	from, to, ok := strings.Cut(s, "..")
	if !ok {
		t.Fatalf("bad period %q", s)
	}
	return "D" + mustDate(t, from).Format(isoDate) + ".." + mustDate(t, to).Format(isoDate)
}

func mustDate(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(isoDate, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func parseFile(t *testing.T, path string) *Filing {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	f, err := (&Parser{}).Parse(fh, filepath.Base(path))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestFiguresMatchHandTypedExpectations(t *testing.T) {
	cases := map[string]string{
		"000_bb2e246abcbfccf3":                   "../testdata/filings/000_bb2e246abcbfccf3.txt",
		"001_0a551a66bcd04f48":                   "../testdata/filings/001_0a551a66bcd04f48.txt",
		"acme_dec_thousands_crlf_cp1252":         "../testdata/variants/acme_dec_thousands_crlf_cp1252.txt",
		"brightwater_submission_52week_millions": "../testdata/variants/brightwater_submission_52week_millions.txt",
	}
	for name, doc := range cases {
		t.Run(name, func(t *testing.T) {
			want := readFigures(t, "../testdata/expected/"+name+".figures")
			got := parseFile(t, doc)
			checkMeta(t, want.meta, got)
			if len(got.Tables) != len(want.tables) {
				t.Errorf("found %d tables, want %d", len(got.Tables), len(want.tables))
			}
			for _, wt := range want.tables {
				var gt *Table
				for _, x := range got.Tables {
					if x.StartLine == wt.line {
						gt = x
					}
				}
				if gt == nil {
					t.Errorf("no table starting at line %d", wt.line)
					continue
				}
				checkTable(t, wt, gt)
			}
		})
	}
}

func checkMeta(t *testing.T, meta map[string]string, f *Filing) {
	t.Helper()
	got := metaOf(f)
	for k, v := range meta {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
}

// metaOf is a filing's metadata under the keys of a .figures file's meta
// lines.
func metaOf(f *Filing) map[string]string {
	return map[string]string{"company": f.Company, "ticker": f.Ticker, "exchange": f.Exchange,
		"date": f.ReleaseDate.Format(isoDate), "fye": f.Calendar.YearEnd.Format("01-02")}
}

func checkTable(t *testing.T, wt wantTable, gt *Table) {
	t.Helper()
	checkTableShape(t, wt, gt)
	for _, wr := range wt.rows {
		var gr *Row
		for i := range gt.Rows {
			if gt.Rows[i].Line == wr.line {
				gr = &gt.Rows[i]
			}
		}
		if gr == nil {
			t.Errorf("line %d: no row, want %q", wr.line, wr.label)
			continue
		}
		checkRow(t, wr, gr, gt)
	}
}

// checkTableShape checks a table's kind, its columns' periods and its
// number of rows.
func checkTableShape(t *testing.T, wt wantTable, gt *Table) {
	t.Helper()
	if gt.Kind != wt.kind {
		t.Errorf("table at %d: kind %s, want %s", wt.line, gt.Kind, wt.kind)
	}
	if len(gt.Columns) != len(wt.columns) {
		t.Fatalf("table at %d: %d columns, want %d", wt.line, len(gt.Columns), len(wt.columns))
	}
	for i, c := range gt.Columns {
		key := c.Period.Key()
		if c.Change {
			key = "change"
		}
		if key != wt.columns[i] {
			t.Errorf("table at %d column %d (%q): period %s, want %s", wt.line, i+1, c.Header, key, wt.columns[i])
		}
	}
	if len(gt.Rows) != len(wt.rows) {
		t.Errorf("table at %d: %d rows, want %d", wt.line, len(gt.Rows), len(wt.rows))
	}
}

func checkRow(t *testing.T, wr wantRow, gr *Row, gt *Table) {
	t.Helper()
	if gr.Label != wr.label || gr.LabelInferred != wr.inferred {
		t.Errorf("line %d: label %q (inferred %v), want %q (inferred %v)", wr.line, gr.Label, gr.LabelInferred, wr.label, wr.inferred)
	}
	if strings.Join(gr.Items, ",") != strings.Join(wr.items, ",") {
		t.Errorf("line %d: items %v, want %v", wr.line, gr.Items, wr.items)
	}
	if gr.Unit != wr.unit {
		t.Errorf("line %d: unit %s, want %s", wr.line, gr.Unit, wr.unit)
	}
	if len(wr.values) != len(gt.Columns) {
		t.Fatalf("line %d: expectation has %d values for %d columns", wr.line, len(wr.values), len(gt.Columns))
	}
	cells := map[int]Cell{}
	for _, c := range gr.Cells {
		cells[c.Column] = c
	}
	for col, v := range wr.values {
		c, ok := cells[col]
		if v == "-" {
			if ok {
				t.Errorf("line %d column %d: figure %s, want none", wr.line, col+1, c.Value)
			}
			continue
		}
		if !ok {
			t.Errorf("line %d column %d: no figure, want %s", wr.line, col+1, v)
			continue
		}
		if want := decimal.RequireFromString(v); !c.Value.Equal(want) {
			t.Errorf("line %d column %d: %s (printed %q), want %s", wr.line, col+1, c.Value, c.Raw, v)
		}
	}
}

func readFileT(path string) ([]byte, error) { return os.ReadFile(path) }

// Units and scales of rows in small made-up tables: a row's unit comes from
// its whole label and every heading around it, never from one word alone.
func TestRowUnitsAndScales(t *testing.T) {
	const income = "                        STATEMENTS OF OPERATIONS\n" +
		"                     (In thousands, except per share data)\n<TABLE>\n" +
		"                                     Year Ended December 31,\n" +
		"                                        1999          1998\n<S>                                   <C>           <C>\n"
	tests := []struct {
		name  string
		doc   string
		line  int
		unit  Unit
		first string // the first column's value
	}{
		{
			name: "a dashed second line of a share-count pair is shares",
			doc: income + "Net income                            $ 5,080       $ 2,321\n" +
				"Shares used in per share\n    calculation\n  - Basic                                 148           144\n" +
				"  - Diluted                               152           149\n</TABLE>\n",
			line: 11, unit: Shares, first: "152000",
		},
		{
			name: "an amount per weighted average share is per share, whatever its last words",
			doc: income + "Net income                            $ 5,080       $ 2,321\n" +
				"Net income per weighted\n average share, fully diluted          $1.34         $1.10\n</TABLE>\n",
			line: 9, unit: PerShare, first: "1.34",
		},
		{
			name: "a subtotal under the rule of an EPS heading's rows is per share",
			doc: income + "Net Income                            $ 5,080       $ 2,321\n" +
				"BASIC EARNINGS PER SHARE:\n  Continuing Operations                 $  1.75       $   .62\n" +
				"  Discontinued Operations                   .09          2.77\n" +
				"                                      -------       -------\n" +
				"Net Income                            $  1.84       $  3.39\n</TABLE>\n",
			line: 12, unit: PerShare, first: "1.84",
		},
		{
			name: "a total of whole amounts under the rule of an EPS heading's rows stays money",
			doc: income + "Earnings per share:\n  Basic                               $  1.00       $   .90\n" +
				"  Diluted                                 .95           .85\n" +
				"                                      -------       -------\n" +
				"Net income                            $ 5,080       $ 2,321\n</TABLE>\n",
			line: 11, unit: USD, first: "5080000",
		},
		{
			name: "capitals heading wrapped over two lines names the per-share unit",
			doc: income + "NET INCOME                            $ 5,080       $ 2,321\n" +
				"EARNINGS PER SHARE\nOF COMMON STOCK\n  - BASIC                             $  0.85       $  0.80\n</TABLE>\n",
			line: 10, unit: PerShare, first: "0.85",
		},
		{
			name: "a count whose scale stands alone on the wrapped line",
			doc: income + "Net earnings                          $ 5,080       $ 2,321\n" +
				"Average common shares outstanding\n  (in millions)                           511           518\n</TABLE>\n",
			line: 9, unit: Shares, first: "511000000",
		},
		{
			name: "a stock line whose share words stand on its wrapped line is money",
			doc: "                        BALANCE SHEETS\n                        (In millions)\n<TABLE>\n" +
				"                                        June 30,   December 31,\n" +
				"                                          1998         1997\n" +
				"Cash                                    $   80       $   71\n" +
				"  Common stock, $1 par value. Authorized - 1,200,000,000 shares.\n" +
				"    Shares issued: 1998 - 391,803,910; 1997 - 390,359,317......    392          390\n</TABLE>\n",
			line: 8, unit: USD, first: "392000000",
		},
		{
			name: "the scale note's exception gives share counts their own scale",
			doc: "                        BALANCE SHEETS\n<TABLE>\n" +
				"                                          March 31,   December 31,\n" +
				"(In millions, except share data in thousands)   1998        1997\n" +
				"Cash                                       $    19     $    75\n" +
				"Shares of common stock issued and outstanding  327,793     326,241\n</TABLE>\n",
			line: 6, unit: Shares, first: "327793000",
		},
		{
			name: "rows under their own heading between two share counts are shares",
			doc: income + "Net income                            $ 1,273       $ 1,983\n" +
				"Weighted average common shares outstanding      1,641       1,638\n" +
				"Dilutive effect of:\n  Employee stock options                    89           106\n" +
				"  Step-Up Warrants                          45            56\n" +
				"                                      -------       -------\n" +
				"Weighted average common shares\n   outstanding, assuming dilution        1,775         1,800\n</TABLE>\n",
			line: 11, unit: Shares, first: "45000",
		},
		{
			name: "the scale note over a column header set apart by blank lines",
			doc: "                              APPLE COMPUTER, INC.\n" +
				"                CONSOLIDATED STATEMENTS OF OPERATIONS (Unaudited)\n" +
				"                 (Dollars in millions, except per share amounts)\n\n\n\n" +
				"                                                    THREE MONTHS ENDED\n" +
				"                                                                 \n                                                                 \n" +
				"                                                 December 29,  December 30,\n" +
				"                                                      1995         1994\n" +
				"Net sales                                           $ 3,148     $ 2,832\n" +
				"Cost of sales                                         2,673       2,018\n" +
				"Net income (loss)                                   $  (69)     $   188\n",
			line: 12, unit: USD, first: "3148000000",
		},
		{
			name: "a margin in % beside amounts leaves the row money",
			doc: "                        SEGMENT DATA\n                    (Dollars in millions)\n<TABLE>\n" +
				"                          Revenue     Income     Margin\n" +
				"Technology                $1,940        $20       0.7%\n" +
				"Personal Systems           3,261       (178)     -5.4%\n</TABLE>\n",
			line: 5, unit: USD, first: "1940000000",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := (&Parser{}).Parse(strings.NewReader(tt.doc), "u.txt")
			if err != nil {
				t.Fatal(err)
			}
			for _, tb := range f.Tables {
				for _, r := range tb.Rows {
					if r.Line != tt.line {
						continue
					}
					if r.Unit != tt.unit || len(r.Cells) == 0 || r.Cells[0].Value.String() != tt.first {
						t.Errorf("line %d %q: unit %s, first %v; want %s %s", r.Line, r.Label, r.Unit, r.Cells, tt.unit, tt.first)
					}
					return
				}
			}
			t.Errorf("no row at line %d", tt.line)
		})
	}
}

// A margin printed in % in a row of amounts is a percentage, unscaled,
// while the amounts beside it stay money.
func TestPercentCellInRowOfAmounts(t *testing.T) {
	doc := "                        SEGMENT DATA\n                    (Dollars in millions)\n<TABLE>\n" +
		"                          Revenue     Income     Margin\n" +
		"Technology                $1,940        $20       0.7%\n</TABLE>\n"
	f, err := (&Parser{}).Parse(strings.NewReader(doc), "p.txt")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range f.Facts {
		if x.Source.Line == 5 {
			got = append(got, x.Value.String()+" "+string(x.Unit))
		}
	}
	want := []string{"1940000000 USD", "20000000 USD", "0.7 percent"}
	if strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("facts %q, want %q", got, want)
	}
}

// Labels wrapped over lines are one row's label, not a heading and a row.
func TestWrappedLabels(t *testing.T) {
	const head = "                        STATEMENTS OF EARNINGS\n<TABLE>\n" +
		"                                        1999          1998\n"
	tests := []struct {
		name, doc string
		line      int
		label     string
	}{
		{"a capitals label ending in 'before'", head + "INCOME BEFORE\nINCOME TAXES                           2,170         2,100\n</TABLE>\n",
			5, "INCOME BEFORE INCOME TAXES"},
		{"a capitals heading run on by a joining word", head + "EARNINGS PER SHARE\nOF COMMON STOCK\n  - BASIC                             $  0.85       $  0.80\n</TABLE>\n",
			6, "EARNINGS PER SHARE OF COMMON STOCK - BASIC"},
		{"a hanging aside", head + "Average common shares outstanding\n  (in millions)                           511           518\n</TABLE>\n",
			5, "Average common shares outstanding (in millions)"},
	}
	for _, tt := range tests {
		f, err := (&Parser{}).Parse(strings.NewReader(tt.doc), "w.txt")
		if err != nil {
			t.Fatal(err)
		}
		got := "(no row)"
		for _, tb := range f.Tables {
			for _, r := range tb.Rows {
				if r.Line == tt.line {
					got = r.Label
				}
			}
		}
		if got != tt.label {
			t.Errorf("%s: label %q, want %q", tt.name, got, tt.label)
		}
	}
}
