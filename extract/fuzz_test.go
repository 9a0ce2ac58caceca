package extract

import (
	"finexport/extract/textgrid"
	"strings"
	"testing"
	"time"
)

// FuzzResolvePeriod feeds column headers to the period resolver: it never
// panics, and a period it returns is well formed.
func FuzzResolvePeriod(f *testing.F) {
	for _, h := range []string{"Three Months Ended December 31, 2003", "Six Months Ended December 31, 2002", "Years Ended June 30, 2003",
		"Thirteen Weeks Ended December 28, 2003", "2003", "Q2 FY2004", "Fiscal 2003", "Fourth Quarter 2003", "% Change", "December 31, 2003"} {
		f.Add(h, 0, 6, 30)
	}
	kinds := []Statement{Income, Balance, CashFlow, Other}
	f.Fuzz(func(t *testing.T, header string, kind, month, day int) {
		var fye time.Time
		if month >= 1 && month <= 12 && day >= 1 && day <= 28 {
			fye = time.Date(2000, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		}
		p, _, ok := resolvePeriod(header, kinds[(kind%4+4)%4], fye)
		if !ok {
			return
		}
		if p.End.IsZero() || p.Months < 0 || !p.IsInstant() && p.Start.After(p.End) {
			t.Fatalf("%q resolved to a malformed period %+v", header, p)
		}
	})
}

// FuzzTableGrid feeds the body of a <TABLE> block to the grid reader: it
// never panics, every figure sits in a column that exists, and every row
// of figures keeps its line.
func FuzzTableGrid(f *testing.F) {
	f.Add(incomeTable)
	f.Add("                 December 31,  June 30,\n                     2003        2003\nASSETS\nCurrent assets:\n  Cash   $8,265,000  $6,815,000\n         ----------  ----------\n         $8,265,000  $6,815,000\n")
	f.Add("$ (1) --\n  Total  1  2  3\n:\n=====\n")
	f.Fuzz(func(t *testing.T, body string) {
		if len(body) > 1<<16 {
			return
		}
		lines := []line{{N: 1, Text: "<TABLE>"}}
		for i, s := range strings.Split(body, "\n") {
			lines = append(lines, line{N: i + 2, Text: textgrid.ExpandTabs(s)})
		}
		lines = append(lines, line{N: len(lines) + 1, Text: "</TABLE>"})
		ctx := &docContext{file: "fuzz.txt", set: defaultSet(), fyVotes: map[int]map[time.Time]int{}}
		grids, _ := textgrid.Read(lines, func(int, string) {})
		if len(grids) == 0 {
			return
		}
		tb := ctx.parseTable(grids[0], 0)
		ctx.resolveColumns(tb)
		for _, r := range tb.Rows {
			if r.Line < 2 {
				t.Fatalf("row without a line: %+v", r)
			}
			for _, c := range r.Cells {
				if c.Column < 0 || c.Column >= len(tb.Columns) {
					t.Fatalf("figure in column %d of %d", c.Column, len(tb.Columns))
				}
			}
		}
	})
}

// FuzzProse reads short releases of prose alone, where FuzzParse's large
// seeds make it slow to reach: the amounts, items and periods of a
// sentence, and the claims they make, never panic.
func FuzzProse(f *testing.F) {
	f.Add("Net income for the quarter was $4.1 million, or $31 cents a share.")
	f.Add("Revenues for the three months ended Dec. 31, 2003 rose 6% to $2.5 million, compared with $2.4 million a year earlier.")
	f.Add("Net loss was $(1.2) million, or $.03 per basic share, for the first six months of fiscal 2004; cash was $8.3 million at June 30, 2004.")
	f.Fuzz(func(t *testing.T, prose string) {
		if len(prose) > 1<<12 {
			return
		}
		doc := "ACME CORP REPORTS RESULTS\n\n" + prose + "\n"
		if _, err := (&Parser{}).Parse(strings.NewReader(doc), "fuzz.txt"); err != nil && strings.Contains(err.Error(), "internal") {
			t.Fatal(err)
		}
	})
}
