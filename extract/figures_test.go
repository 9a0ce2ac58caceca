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
