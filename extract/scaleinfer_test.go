package extract

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// A statement in thousands, then a table with no scale note of its own.
const scaledStatement = `Acme Widgets Inc. reports.

                CONSOLIDATED STATEMENTS OF OPERATIONS
                    (In thousands, except per share data)
<TABLE>
                               Three Months Ended March 31,
                                    2004        2003
Net revenues                      12,412      11,493
Income taxes                         318         250
Net income                           436         120
</TABLE>

`

// factValue is the value of an item's figure from the table starting at
// line, in the quarter ended March 31, 2004.
func factValue(f *Filing, item string, table int) (decimal.Decimal, bool) {
	for _, x := range f.Facts {
		if x.Item == item && x.Table == table && x.Period.End.Month() == 3 && x.Period.End.Year() == 2004 {
			return x.Value, true
		}
	}
	return decimal.Zero, false
}

func TestInferScales(t *testing.T) {
	for _, tt := range []struct {
		name string
		doc  string
		item string
		want string // the second table's figure; "" for none
		warn string
	}{
		{
			// A non-GAAP reconciliation states the statement's 436 and 318:
			// it is in thousands too.
			name: "reconciliation in the statement's scale",
			doc: scaledStatement + `                RECONCILIATION OF ADJUSTED EBITDA
<TABLE>
                               Three Months Ended March 31,
                                    2004
Net income                           436
Income taxes                         318
Depreciation                          95
Adjusted EBITDA                      849
</TABLE>
`,
			item: "income_taxes", want: "318000", warn: "no scale note; column 1 read in thousands",
		},
		{
			// A table of percentages of revenue shares no figure: its
			// amounts are kept under their labels, as no item's figure.
			name: "percent of revenue",
			doc: scaledStatement + `                PERCENTAGE OF NET REVENUES
<TABLE>
                               Three Months Ended March 31,
                                    2004        2003
Net revenues                       100.0%      100.0%
Income taxes                         2.6         2.2
Net income                           3.5         1.0
</TABLE>
`,
			item: "income_taxes", want: "", warn: "no scale note, while the statements state one",
		},
		{
			// A table that states the figures as printed keeps them.
			name: "agrees as printed",
			doc: strings.Replace(scaledStatement, "(In thousands, except per share data)", "(In thousands)", 1) + `                SUPPLEMENTAL DATA
<TABLE>
                               Three Months Ended March 31,
                                    2004
Net income                       436,000
Income taxes                     318,000
</TABLE>
`,
			item: "income_taxes", want: "318000", warn: "",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := parseBytesT(t, []byte(tt.doc), "w.txt")
			v, ok := factValue(f, tt.item, 1)
			switch {
			case tt.want == "" && ok:
				t.Errorf("the second table gives %s %s, want no item's figure", tt.item, v)
			case tt.want != "" && (!ok || !v.Equal(decimal.RequireFromString(tt.want))):
				t.Errorf("the second table gives %s %s (found %v), want %s", tt.item, v, ok, tt.want)
			}
			warned := false
			for _, d := range f.Diagnostics {
				warned = warned || tt.warn != "" && strings.Contains(d.Msg, tt.warn) || tt.warn == "" && strings.Contains(d.Msg, "scale note")
			}
			if warned != (tt.warn != "") {
				t.Errorf("warning %q given: %v; diagnostics %v", tt.warn, warned, f.Diagnostics)
			}
			if s, ok := factValue(f, tt.item, 0); !ok || !s.Equal(decimal.RequireFromString("318000")) {
				t.Errorf("the statement gives %s %s, want 318000", tt.item, s)
			}
		})
	}
}

// A document whose tables state no scale at all is read as printed.
func TestNoScaleNoteAnywhereIsUnits(t *testing.T) {
	doc := strings.Replace(scaledStatement, "                    (In thousands, except per share data)\n", "", 1)
	f := parseBytesT(t, []byte(doc), "w.txt")
	if v, ok := factValue(f, "income_taxes", 0); !ok || !v.Equal(decimal.NewFromInt(318)) {
		t.Errorf("income taxes %s, want 318", v)
	}
}

// An amount after "by" is a change when the clause it ends says so, however
// far back its verb stands; "of" and "by" alone are not enough.
func TestIsChangeAmount(t *testing.T) {
	for _, tt := range []struct {
		before string
		want   bool
	}{
		{"Net sales increased sequentially during the first quarter of 2000 compared to the fourth quarter of 1999 by ", true},
		{"Net sales increased ", true},
		{"an increase of ", true},
		{"Net sales for the quarter were ", false},
		{"Cash held by ", false},
		{"Revenue of ", false},
	} {
		if got := isChangeAmount(tt.before); got != tt.want {
			t.Errorf("isChangeAmount(%q) = %v, want %v", tt.before, got, tt.want)
		}
	}
}

// A header row of quarters' ordinals over "Quarter" is period words: it
// joins the header, so that "First / Quarter / 1999" is that quarter.
func TestOrdinalRowNamesPeriods(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want bool
	}{
		{"FIRST       FIRST                   FIRST      FOURTH", true},
		{"1st       2nd        3rd        4th", true},
		{"First Data Corporation", false},
		{"Q1  Q2", false}, // a quarter's short name reads as a period on its own
	} {
		if got := onlyOrdinals(tt.s); got != tt.want {
			t.Errorf("onlyOrdinals(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
	p, _, ok := resolvePeriod("FIRST QUARTER 1999", Income, date(2000, 9, 25))
	if !ok || p.Key() != "D1998-10-01..1998-12-31" {
		t.Errorf("FIRST QUARTER 1999 = %s (%v), want Oct-Dec 1998", p.Key(), ok)
	}
}

// Each column rescaled gets its warning, in column order, every run (the
// columns were once taken from a map, in an order that changed).
func TestInferScalesWarnsInColumnOrder(t *testing.T) {
	doc := scaledStatement + `                RECONCILIATION OF ADJUSTED EBITDA
<TABLE>
                               Three Months Ended March 31,
                                    2004        2003
Net income                           436         120
Income taxes                         318         250
Adjusted EBITDA                      849         470
</TABLE>
`
	for run := 0; run < 20; run++ {
		f := parseBytesT(t, []byte(doc), "w.txt")
		var cols []string
		for _, d := range f.Diagnostics {
			if strings.HasPrefix(d.Msg, "no scale note; column ") {
				cols = append(cols, strings.Fields(d.Msg)[4])
			}
		}
		if strings.Join(cols, " ") != "1 2" {
			t.Fatalf("run %d: rescaled columns warned as %q, want 1 then 2", run, cols)
		}
	}
}
