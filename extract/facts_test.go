package extract

import (
	"bytes"
	"encoding/csv"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func TestWriteFactsCSV(t *testing.T) {
	facts := []Fact{
		{Document: "a.txt", Company: "ThermoGenesis Corp.", Statement: Income, Item: "net_income", Label: "Net loss",
			Period: Period{Start: date(2003, 10, 1), End: date(2003, 12, 31), Months: 3}, Value: decimal.RequireFromString("-1223000"),
			Unit: USD, Source: Source{Line: 119}},
		{Document: "a.txt", Company: "ThermoGenesis Corp.", Statement: Balance, Item: "cash", Label: `Cash, "restricted"`,
			Period: Period{End: date(2003, 12, 31)}, Value: decimal.RequireFromString("8265000"), Unit: USD, Source: Source{Line: 141}},
		{Document: "=cmd.txt", Company: "+Evil", Statement: Other, Label: `=HYPERLINK("http://x","y")`,
			Value: decimal.RequireFromString("-0.03"), Unit: PerShare, Source: Source{Line: 3}},
		{Document: "b.txt", Company: "@Co", Statement: Narrative, Label: "-5 apples\tand pears", Value: decimal.NewFromInt(5), Unit: Pure, Source: Source{Line: 9}},
	}
	var buf bytes.Buffer
	if err := WriteFactsCSV(&buf, facts); err != nil {
		t.Fatal(err)
	}
	want := "document,company,statement,item,label,period_start,period_end,months,value,unit,line\r\n" +
		"a.txt,ThermoGenesis Corp.,income,net_income,Net loss,2003-10-01,2003-12-31,3,-1223000,USD,119\r\n" +
		"a.txt,ThermoGenesis Corp.,balance,cash,\"Cash, \"\"restricted\"\"\",,2003-12-31,,8265000,USD,141\r\n" +
		"'=cmd.txt,'+Evil,other,,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",,,,-0.03,USD/share,3\r\n" +
		"b.txt,'@Co,narrative,,'-5 apples\tand pears,,,,5,pure,9\r\n"
	if buf.String() != want {
		t.Errorf("got:\n%q\nwant:\n%q", buf.String(), want)
	}
	// It reads back as 11 columns a row.
	recs, err := csv.NewReader(strings.NewReader(buf.String())).ReadAll()
	if err != nil || len(recs) != 5 || len(recs[2]) != 11 {
		t.Errorf("read back %d records (%v)", len(recs), err)
	}
}

func TestPeriodNames(t *testing.T) {
	tests := []struct {
		p    Period
		key  string
		text string
	}{
		{Period{Start: date(2003, 10, 1), End: date(2003, 12, 31), Months: 3}, "D2003-10-01..2003-12-31", "3 months to 2003-12-31"},
		{Period{End: date(2003, 6, 30)}, "I2003-06-30", "at 2003-06-30"},
		{durationEnding(date(2003, 9, 27), 3, 13), "D2003-06-29..2003-09-27", "13 weeks to 2003-09-27"},
		{durationEnding(date(2004, 2, 29), 6, 0), "D2003-09-01..2004-02-29", "6 months to 2004-02-29"},
		{durationEnding(date(2003, 12, 31), 12, 0), "D2003-01-01..2003-12-31", "12 months to 2003-12-31"},
	}
	for _, tt := range tests {
		if tt.p.Key() != tt.key || tt.p.String() != tt.text {
			t.Errorf("got %s %q, want %s %q", tt.p.Key(), tt.p.String(), tt.key, tt.text)
		}
	}
}

func TestResolvePeriod(t *testing.T) {
	june := date(2000, 6, 30)
	tests := []struct {
		header string
		kind   Statement
		fye    time.Time
		want   string // Key, or "" for none
	}{
		{"Three Months Ended December 31, 2003", Income, time.Time{}, "D2003-10-01..2003-12-31"},
		{"Six Months Ended December 31, 2002", Income, time.Time{}, "D2002-07-01..2002-12-31"},
		{"Nine Months Ended Sept. 30, 2003", Income, time.Time{}, "D2003-01-01..2003-09-30"},
		{"Years Ended June 30, 2003", Income, time.Time{}, "D2002-07-01..2003-06-30"},
		{"Quarter Ended March 31, 2004", Income, time.Time{}, "D2004-01-01..2004-03-31"},
		{"Three Mos. Ended October 31, 1999", Income, time.Time{}, "D1999-08-01..1999-10-31"},
		{"Period from September 1, 1998 (inception) to December 31, 1998", Income, time.Time{}, "D1998-09-01..1998-12-31"},
		{"September 1, 1998 (inception) to March 31, 1999", CashFlow, time.Time{}, "D1998-09-01..1999-03-31"},
		{"Period from September 15, 1998 (inception) to December 31, 1998", Income, time.Time{}, ""},
		{"6 Mos. Ended April 30, 1999", Income, time.Time{}, "D1998-11-01..1999-04-30"},
		{"Thirteen Weeks Ended December 28, 2003", Income, time.Time{}, "D2003-09-29..2003-12-28"},
		{"52 Weeks Ended Jan. 31, 2004", Income, time.Time{}, "D2003-02-02..2004-01-31"},
		{"December 31, 2003", Balance, time.Time{}, "I2003-12-31"},
		{"June 30, 2003", Balance, time.Time{}, "I2003-06-30"},
		{"2003", Balance, june, "I2003-06-30"},
		{"2003", Income, june, "D2002-07-01..2003-06-30"},
		{"Fiscal 2003", Income, june, "D2002-07-01..2003-06-30"},
		{"Fourth Quarter 2003", Income, june, "D2003-04-01..2003-06-30"},
		{"Q2 FY2004", Income, june, "D2003-10-01..2003-12-31"},
		// Quarters headed by a year alone end on their month's last day.
		{"Second Quarter 2004", Income, date(2000, 12, 31), "D2004-04-01..2004-06-30"},
		{"Third Quarter 2004", Income, date(2000, 12, 31), "D2004-07-01..2004-09-30"},
		{"Q1 FY2004", Income, date(2000, 8, 31), "D2003-09-01..2003-11-30"},
		// A quarter that does not say which one is no period, never the
		// year; one whose column gives its end date is that quarter.
		{"Quarter 1999", Income, date(2000, 9, 25), ""},
		{"Quarter 1999", Balance, date(2000, 9, 25), ""},
		{"By quarter July 28, 1996", Income, date(2000, 7, 31), "D1996-04-29..1996-07-28"},
		{"Q2 FY2004", Income, date(2000, 8, 31), "D2003-12-01..2004-02-29"},
		{"First Quarter 2004", Income, date(2000, 3, 31), "D2003-04-01..2003-06-30"},
		{"2003", Balance, time.Time{}, ""},
		{"December 31, 2003", Income, time.Time{}, ""},
		{"February 30, 2003", Balance, time.Time{}, ""},
		{"Alpha", Balance, june, ""},
	}
	for _, tt := range tests {
		p, _, ok := resolvePeriod(tt.header, tt.kind, tt.fye)
		got := ""
		if ok {
			got = p.Key()
		}
		if got != tt.want {
			t.Errorf("resolvePeriod(%q, %s) = %q, want %q", tt.header, tt.kind, got, tt.want)
		}
	}
}

func TestEscapeCell(t *testing.T) {
	for in, want := range map[string]string{"=1+2": "'=1+2", "+1": "'+1", "-1": "'-1", "@SUM(A1)": "'@SUM(A1)",
		"\tx": "'\tx", "\rx": "'\rx", "Net loss": "Net loss", "": ""} {
		if got := EscapeCell(in); got != want {
			t.Errorf("EscapeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// A table read by its rows is a statement only when it holds a line the
// statement stands on: expense lines alone (a stock-compensation
// breakdown) are no income statement. A balance-sheet line in a table
// that is not a statement, under a year, is the balance at the year's end.
func TestRowsMakeAStatementOnlyWithAnAnchor(t *testing.T) {
	doc := `Acme Widgets Inc. reports.

                     STOCK-BASED COMPENSATION
                        (in thousands)
                                         Year Ended December 31,
                                          2003        2002
Cost of revenues                           120         100
Research and development                   340         300
Selling, general and administrative        560         500
                                         -----       -----
                                         1,020         900

                      FAIR VALUE OF FINANCIAL INSTRUMENTS
                        (in thousands)
                                          2003        2002
Cash and cash equivalents                8,265       6,815
Accounts receivable, net                 2,080       2,014
`
	f, err := (&Parser{FiscalYearEnd: time.Date(2000, 12, 31, 0, 0, 0, 0, time.UTC)}).Parse(strings.NewReader(doc), "w.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range f.Tables {
		if tb.Kind != Other {
			t.Errorf("table at line %d read as %s, want other", tb.StartLine, tb.Kind)
		}
	}
	cash := 0
	for _, x := range f.Facts {
		if x.Item != "cash" {
			continue
		}
		cash++
		if !x.Period.IsInstant() || x.Period.End.Year() != 2003 && x.Period.End.Year() != 2002 || x.Period.End.Month() != 12 {
			t.Errorf("cash %s has period %s, want a balance at a December 31", x.Value, x.Period)
		}
	}
	if cash != 2 {
		t.Errorf("%d cash facts, want 2", cash)
	}
}

// highlights is the head of a highlights table, its revenue on line 7.
const highlights = `Acme Widgets Inc. reports.

                          FINANCIAL HIGHLIGHTS
                     (In millions, except per share data)
                                            Year Ended December 31,
                                             2003          2002
Net revenues                              $ 2,613       $ 2,395
`

// Lines under a heading that names non-GAAP figures are kept under their
// labels but are no period's reported figure; a pro forma remark in
// brackets on one heading qualifies a column, not its lines.
func TestLinesUnderANonGAAPHeadingGetNoPeriod(t *testing.T) {
	doc := highlights + `GAAP - Continuing Operations
  Net income (loss)                       $(2,601)      $   601
  Earnings per diluted share              $ (2.51)      $  0.54
Non-GAAP - Continuing Operations
  Net income                              $   618       $   601
  Earnings per diluted share              $  0.59       $  0.54
Net income (loss) per share (pro forma for 2002)
  Basic                                   $ (2.51)      $  0.55
`
	f, err := (&Parser{FiscalYearEnd: time.Date(2000, 12, 31, 0, 0, 0, 0, time.UTC)}).Parse(strings.NewReader(doc), "w.txt")
	if err != nil {
		t.Fatal(err)
	}
	var gaap, nonGAAP, basic int
	for _, x := range f.Facts {
		switch {
		case x.Source.Line == 9 && x.Item == "net_income" && !x.Period.IsZero():
			gaap++
		case x.Source.Line == 12:
			if !x.Period.IsZero() || x.Item != "" {
				t.Errorf("non-GAAP net income %s has period %s and item %q", x.Value, x.Period, x.Item)
			}
			nonGAAP++
		case x.Source.Line == 15 && x.Item == "eps_basic" && !x.Period.IsZero():
			basic++
		}
	}
	if gaap != 2 || nonGAAP != 2 || basic != 2 {
		t.Errorf("GAAP net income with periods %d, non-GAAP figures %d, basic EPS with periods %d; want 2 each", gaap, nonGAAP, basic)
	}
}

// A margin printed in % beside the amounts of a line is the line's
// percentage: it carries no item, and no check runs on it.
func TestPercentBesideAmountsIsNoItem(t *testing.T) {
	doc := `Acme Widgets Inc. reports.

                       CONSOLIDATED STATEMENTS OF INCOME
                              (in thousands)
                                 Year ended December 31,
                                1999              1998
Net sales                  $10,000  100.0%   $9,000  100.0%
Cost of sales                6,040   60.4%    5,430   60.3%
                           -------           ------
Gross profit                 3,960   39.6%    3,570   39.7%
`
	f, err := (&Parser{FiscalYearEnd: time.Date(2000, 12, 31, 0, 0, 0, 0, time.UTC)}).Parse(strings.NewReader(doc), "w.txt")
	if err != nil {
		t.Fatal(err)
	}
	revenue := 0
	for _, x := range f.Facts {
		if x.Unit == Percent && x.Item != "" {
			t.Errorf("a percentage carries item %s: %s %s", x.Item, x.Label, x.Value)
		}
		if x.Item == "revenue" {
			revenue++
		}
	}
	if revenue != 2 {
		t.Errorf("%d revenue facts, want 2 (one a year)", revenue)
	}
	for _, c := range f.Checks {
		if c.Stated.LessThan(decimal.NewFromInt(1000)) {
			t.Errorf("check %s runs on percentages: stated %s", c.Name, c.Stated)
		}
	}
}

// Issue 12 point 4: a percent fact is written as printed, with its unit
// ("33.3,percent" for 33.3%), as the workbook's Data sheet holds it.
func TestPercentFactsAsPrinted(t *testing.T) {
	raw, err := os.ReadFile("../testdata/cashflow/beta_q1_cash_burn.txt")
	if err != nil {
		t.Fatal(err)
	}
	f, err := (&Parser{}).Parse(bytes.NewReader(raw), "beta.txt")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteFactsCSV(&buf, f.Facts); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{",Gross margin,2004-01-01,2004-03-31,3,33.3,percent,25\r\n", ",Gross margin,2003-01-01,2003-03-31,3,37.5,percent,25\r\n"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("facts CSV lacks %q:\n%s", want, buf.String())
		}
	}
}

// A line whose own label names non-GAAP, pro forma or adjusted figures is
// no item's figure, whatever synonym its words match; it keeps its label
// and its period.
func TestLabelNamingNonGAAPIsNoItem(t *testing.T) {
	doc := highlights + `Non-GAAP net income per share, diluted    $  0.59       $  0.54
Pro forma net loss per share              $ (0.12)      $ (0.20)
Adjusted net income                       $   618       $   601
Net income per share, diluted             $ (2.51)      $  0.54
`
	f, err := (&Parser{FiscalYearEnd: time.Date(2000, 12, 31, 0, 0, 0, 0, time.UTC)}).Parse(strings.NewReader(doc), "w.txt")
	if err != nil {
		t.Fatal(err)
	}
	eps := 0
	for _, x := range f.Facts {
		switch x.Source.Line {
		case 8, 9, 10:
			if x.Item != "" || x.Period.IsZero() {
				t.Errorf("line %d %q: item %q, period %s; want no item, a period", x.Source.Line, x.Label, x.Item, x.Period)
			}
		case 11:
			if x.Item == "eps_diluted" {
				eps++
			}
		}
	}
	if eps != 2 {
		t.Errorf("%d diluted EPS figures on line 11, want 2", eps)
	}
}

// A line of a period's amounts under a column that names only a date (an
// outlook "for the fiscal year ending ...") is no item's figure: which
// period it covers is not known. It keeps its label, with no item and no
// period.
func TestFlowUnderADateIsNoItem(t *testing.T) {
	doc := "ACME WIDGETS REPORTS RESULTS\n\nOUTLOOK\n<TABLE>\n" +
		"                          Fiscal year ending\n                          June 30, 2005\n" +
		"Revenue                        9,000\nAdjusted EBITDA (non-GAAP)       700\n</TABLE>\n"
	f := parseBytesT(t, []byte(doc), "w.txt")
	got := map[string]string{}
	for _, x := range f.Facts {
		got[x.Label] = x.Item + "@" + x.Period.End.Format("2006-01-02")
	}
	// A line no synonym maps keeps its date, as every unmapped line does.
	want := map[string]string{"Revenue": "@0001-01-01", "Adjusted EBITDA (non-GAAP)": "@2005-06-30"}
	for label, w := range want {
		if got[label] != w {
			t.Errorf("%s: item@date %q, want %q (all %v)", label, got[label], w, got)
		}
	}
}
