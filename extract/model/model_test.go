package model

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"finexport/extract"
	"finexport/templates"

	"github.com/shopspring/decimal"
)

func parse(t *testing.T, path string) *extract.Filing {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return parseBytes(t, raw, filepath.Base(path))
}

func parseBytes(t *testing.T, raw []byte, name string) *extract.Filing {
	t.Helper()
	f, err := (&extract.Parser{}).Parse(bytes.NewReader(raw), name)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func samples(t *testing.T) []*extract.Filing {
	t.Helper()
	var out []*extract.Filing
	for _, n := range []string{"000_bb2e246abcbfccf3.txt", "001_0a551a66bcd04f48.txt", "002_841493e996f58f0e.txt"} {
		out = append(out, parse(t, "../../testdata/filings/"+n))
	}
	return out
}

func one(t *testing.T, filings []*extract.Filing, opts Options) *Company {
	t.Helper()
	cs := Build(filings, opts)
	if len(cs) != 1 {
		t.Fatalf("%d companies, want 1", len(cs))
	}
	return cs[0]
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// The samples' merged timeline, typed by hand from the releases.
func TestSampleTimeline(t *testing.T) {
	c := one(t, samples(t), Options{})
	if c.Name != "ThermoGenesis Corp." || c.Ticker != "KOOL" || len(c.Documents) != 3 {
		t.Errorf("company %q %q with %d documents", c.Name, c.Ticker, len(c.Documents))
	}
	want := []string{
		"2003-12-31 at 2003-12-31",
		"Q2 FY2004 2003-10-01..2003-12-31",
		"H1 FY2004 2003-07-01..2003-12-31",
		"Q1 FY2004 2003-07-01..2003-09-30",
		"2003-06-30 at 2003-06-30",
		"Q4 FY2003 2003-04-01..2003-06-30",
		"FY2003 2002-07-01..2003-06-30",
		"Q3 FY2003 2003-01-01..2003-03-31",
		"Q2 FY2003 2002-10-01..2002-12-31",
		"H1 FY2003 2002-07-01..2002-12-31",
		"Q1 FY2003 2002-07-01..2002-09-30",
		"2002-06-30 at 2002-06-30",
		"Q4 FY2002 2002-04-01..2002-06-30",
		"FY2002 2001-07-01..2002-06-30",
	}
	var got []string
	for _, p := range c.Periods {
		span := "at " + p.Period.End.Format("2006-01-02")
		if !p.Period.IsInstant() {
			span = p.Period.Start.Format("2006-01-02") + ".." + p.Period.End.Format("2006-01-02")
		}
		got = append(got, p.Name+" "+span)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("periods:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDerivedQuarters(t *testing.T) {
	c := one(t, samples(t), Options{})
	tests := []struct {
		item, period, value, from string
	}{
		// H1 FY2004 4,643,000 - Q2 FY2004 2,500,000
		{"revenue", "Q1 FY2004", "2143000", "H1 FY2004 − Q2 FY2004"},
		// -2,462,000 - (-1,223,000)
		{"net_income", "Q1 FY2004", "-1239000", "H1 FY2004 − Q2 FY2004"},
		// FY2003 10,187,000 - H1 FY2003 4,403,000 - Q4 FY2003 2,898,000
		{"revenue", "Q3 FY2003", "2886000", "FY2003 − H1 FY2003 − Q4 FY2003"},
		// -5,603,000 + 2,946,000 + 991,000
		{"net_income", "Q3 FY2003", "-1666000", "FY2003 − H1 FY2003 − Q4 FY2003"},
		// H1 FY2003 4,403,000 - Q2 FY2003 2,350,000
		{"revenue", "Q1 FY2003", "2053000", "H1 FY2003 − Q2 FY2003"},
	}
	for _, tt := range tests {
		f := c.Fact(tt.item, tt.period)
		if f == nil {
			t.Errorf("%s %s missing", tt.item, tt.period)
			continue
		}
		if !f.Value.Equal(dec(tt.value)) || f.DerivationText() != tt.from || len(f.Reported) != 0 {
			t.Errorf("%s %s = %s from %q, want %s from %q", tt.item, tt.period, f.Value, f.DerivationText(), tt.value, tt.from)
		}
	}
	for _, id := range []string{"eps_basic", "eps_diluted", "shares_basic", "shares_diluted"} {
		if f := c.Fact(id, "Q1 FY2004"); f != nil {
			t.Errorf("%s derived for Q1 FY2004: per-share figures and share counts are never subtracted", id)
		}
	}
	if f := c.Fact("revenue", "Q2 FY2004"); f == nil || f.Derived != nil {
		t.Error("a reported quarter must not be marked derived")
	}
}

func TestOverlapMergesWithBothSources(t *testing.T) {
	c := one(t, samples(t), Options{})
	f := c.Fact("cash", "2003-06-30")
	if f == nil || f.Conflict || len(f.Reported) != 2 || !f.Value.Equal(dec("6815000")) {
		t.Fatalf("cash at 2003-06-30: %+v", f)
	}
	got := []string{f.Reported[0].Source.String(), f.Reported[1].Source.String()}
	if got[0] != "001_0a551a66bcd04f48.txt:115" || got[1] != "000_bb2e246abcbfccf3.txt:141" {
		t.Errorf("sources %v", got)
	}
	if c.Status() != extract.Pass {
		for _, ch := range c.Checks {
			if ch.Status != extract.Pass {
				t.Errorf("failing check: %s %s", ch.Name, ch.Period)
			}
		}
	}
}

func TestLiquidityMetrics(t *testing.T) {
	c := one(t, samples(t), Options{})
	tests := []struct {
		id, period, value string
		places            int32
	}{
		{"working_capital", "2003-12-31", "11550000", 0}, // 13,814,000 - 2,264,000
		{"current_ratio", "2003-12-31", "6.10", 2},       // 13,814,000 / 2,264,000 = 6.1016
		{"quick_ratio", "2003-12-31", "4.57", 2},         // 10,345,000 / 2,264,000 = 4.5693
		{"cash_ratio", "2003-12-31", "3.65", 2},          // 8,265,000 / 2,264,000 = 3.6506
		{"quarterly_net_income", "2003-12-31", "-1223000", 0},
		{"cash_runway_net_loss", "2003-12-31", "6.76", 2}, // 8,265,000 / 1,223,000 = 6.758
		{"working_capital", "2003-06-30", "10126000", 0},
		{"cash_runway_net_loss", "2003-06-30", "6.88", 2}, // 6,815,000 / 991,000 = 6.877
		{"gross_margin", "Q2 FY2004", "0.3208", 4},        // 802,000 / 2,500,000
		{"net_margin", "Q1 FY2004", "-0.5782", 4},         // -1,239,000 / 2,143,000 = -0.57816
	}
	for _, tt := range tests {
		mv, ok := c.Metric(tt.id, tt.period)
		if !ok || !mv.Available || !mv.Value.Round(tt.places).Equal(dec(tt.value)) {
			t.Errorf("%s at %s = %s (available %v), want %s", tt.id, tt.period, mv.Value, mv.Available, tt.value)
		}
	}
	// 2002-06-30 has no quarter ending in the model with a loss? It does
	// (Q4 FY2002): runway 6,726,000 / 1,470,000 = 4.58.
	if mv, _ := c.Metric("cash_runway_net_loss", "2002-06-30"); !mv.Value.Round(2).Equal(dec("4.58")) {
		t.Errorf("runway at 2002-06-30 = %s", mv.Value)
	}
}

// A profitable quarter has no runway: n/m, never a number. Acme gives no
// cash-flow statement, so the runway on operating cash burn is n/a.
func TestRunwayNotMeaningfulWhenProfitable(t *testing.T) {
	c := one(t, []*extract.Filing{parse(t, "../../testdata/variants/acme_dec_thousands_crlf_cp1252.txt")}, Options{})
	if mv, ok := c.Metric("cash_runway_net_loss", "2003-12-31"); !ok || mv.Available || !errors.Is(mv.Err, templates.ErrNotMeaningful) {
		t.Errorf("runway on net loss for a profitable quarter: %+v", mv)
	}
	if mv, ok := c.Metric("cash_runway", "2003-12-31"); !ok || mv.Available || !errors.Is(mv.Err, templates.ErrNotAvailable) {
		t.Errorf("runway on cash burn without a cash-flow statement: %+v", mv)
	}
}

func TestComparisons(t *testing.T) {
	c := one(t, samples(t), Options{})
	var got []string
	for _, cmp := range c.Comparisons {
		s := cmp.Name + " " + cmp.Kind
		if cmp.YTDCurrent != nil {
			s += " ytd " + cmp.YTDCurrent.Name + " vs " + cmp.YTDPrior.Name
		}
		got = append(got, s)
	}
	want := []string{
		"Q2 FY2004 vs Q2 FY2003 quarter ytd H1 FY2004 vs H1 FY2003",
		"H1 FY2004 vs H1 FY2003 year-to-date",
		"Q1 FY2004 vs Q1 FY2003 quarter ytd Q1 FY2004 vs Q1 FY2003",
		"Q4 FY2003 vs Q4 FY2002 quarter ytd FY2003 vs FY2002",
		"FY2003 vs FY2002 year",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("comparisons:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Q2 FY2004 revenue 2,500,000 against 2,350,000: up 150,000, 6.38%.
	if v, err := c.Change("change", "revenue", "Q2 FY2004", "Q2 FY2003"); err != nil || !v.Equal(dec("150000")) {
		t.Errorf("change %s", v)
	}
	if v, err := c.Change("pct_change", "revenue", "Q2 FY2004", "Q2 FY2003"); err != nil || !v.Round(4).Equal(dec("0.0638")) {
		t.Errorf("%% change %s", v)
	}
	// A smaller loss, -1,223,000 against -1,584,000: a % change from a
	// negative base is not meaningful.
	if v, err := c.Change("pct_change", "net_income", "Q2 FY2004", "Q2 FY2003"); !errors.Is(err, templates.ErrNotMeaningful) {
		t.Errorf("net loss %% change %s (%v), want n/m", v, err)
	}
	var trend []string
	for _, p := range c.QuarterTrend() {
		trend = append(trend, p.Name)
	}
	if strings.Join(trend, ",") != "Q4 FY2002,Q1 FY2003,Q2 FY2003,Q3 FY2003,Q4 FY2003,Q1 FY2004,Q2 FY2004" {
		t.Errorf("quarter trend %v", trend)
	}
}

// A release that contradicts a sample gives a conflict; both values stay.
func TestConflictKeepsBothValues(t *testing.T) {
	raw, _ := os.ReadFile("../../testdata/filings/001_0a551a66bcd04f48.txt")
	lines := bytes.Split(raw, []byte("\n"))
	// Line 117: "Inventory ... 2,650,000  2,887,000" at June 30, 2003 and 2002.
	lines[116] = bytes.Replace(lines[116], []byte("2,650,000"), []byte("2,750,000"), 1)
	restated := parseBytes(t, bytes.Join(lines, []byte("\n")), "restated.txt")
	c := one(t, []*extract.Filing{parse(t, "../../testdata/filings/000_bb2e246abcbfccf3.txt"), restated}, Options{})
	f := c.Fact("inventory", "2003-06-30")
	if f == nil || !f.Conflict || len(f.Reported) != 2 {
		t.Fatalf("inventory at 2003-06-30: %+v", f)
	}
	values := f.Reported[0].Value.String() + " " + f.Reported[1].Value.String()
	if values != "2750000 2650000" && values != "2650000 2750000" {
		t.Errorf("reported values %s", values)
	}
	found := false
	for _, ch := range c.Checks {
		if ch.Kind == extract.Conflict && ch.Item == "inventory" && ch.Status == extract.Fail && len(ch.Sources) == 2 &&
			ch.Difference.Abs().Equal(dec("100000")) {
			found = true
		}
	}
	if !found || c.Status() != extract.Fail {
		t.Errorf("no failing conflict check reported (status %s)", c.Status())
	}
}

// Each check is bound to the model's figures it reads and computed over
// them, once: the restated release's current assets add up its own
// inventories (2,750,000, a value the model shows only beside the one
// used), not the later release's 2,650,000.
func TestChecksBoundToModelFigures(t *testing.T) {
	raw, _ := os.ReadFile("../../testdata/filings/001_0a551a66bcd04f48.txt")
	lines := bytes.Split(raw, []byte("\n"))
	lines[116] = bytes.Replace(lines[116], []byte("2,650,000"), []byte("2,750,000"), 1)
	restated := parseBytes(t, bytes.Join(lines, []byte("\n")), "restated.txt")
	c := one(t, []*extract.Filing{parse(t, "../../testdata/filings/000_bb2e246abcbfccf3.txt"), restated}, Options{})
	found := false
	for _, ch := range c.Checks {
		if ch.Formula != nil && ch.Status != extract.NotRun && !ch.Bound {
			t.Errorf("%s %s %s: not bound to the model's figures", ch.Kind, ch.Name, ch.Period)
		}
		if ch.Name != "Total current assets" || ch.Period.End.Format("2006-01-02") != "2003-06-30" || ch.Sources[0].File != "restated.txt" {
			continue
		}
		found = true
		// Cash 6,815,000 + receivables 2,014,000 + inventories 2,750,000
		// + other current assets 820,000 (the release's lines 115-118).
		var beside []string
		for _, g := range ch.Terms {
			if !g.Shown() {
				beside = append(beside, g.Value.String())
			}
		}
		if !ch.Computed.Equal(dec("12399000")) || ch.Status != extract.Fail || strings.Join(beside, " ") != "2750000" {
			t.Errorf("restated current assets: computed %s, %s, figures not shown %v", ch.Computed, ch.Status, beside)
		}
		if g := ch.StatedFigure; g == nil || !g.Shown() || !g.Value.Equal(dec("12299000")) {
			t.Errorf("stated figure %+v, want the shown 12,299,000", g)
		}
	}
	if !found {
		t.Error("no current assets check of the restated release at 2003-06-30")
	}
}

// A release where nothing could be checked does not pass: no check ran.
func TestNoCheckIsNoPass(t *testing.T) {
	c := one(t, []*extract.Filing{parse(t, "../../testdata/filings/002_841493e996f58f0e.txt")}, Options{})
	if len(c.Checks) != 0 || c.Status() != extract.NotRun {
		t.Errorf("%d checks, status %s; want none and %s", len(c.Checks), c.Status(), extract.NotRun)
	}
	if pass, fail, notRun := c.CheckCounts(); pass+fail+notRun != 0 {
		t.Errorf("counts %d %d %d", pass, fail, notRun)
	}
}

// Small releases of our own: a December year end and a 52/53-week year.
func TestVariantTimelines(t *testing.T) {
	tests := []struct {
		doc   string
		names string
	}{
		{"../../testdata/variants/acme_dec_thousands_crlf_cp1252.txt",
			"2003-12-31,Q4 FY2003,FY2003,2002-12-31,Q4 FY2002,FY2002"},
		{"../../testdata/variants/brightwater_submission_52week_millions.txt",
			"2003-09-27,Q4 FY2003,FY2003,2002-09-28,Q4 FY2002,FY2002"},
		{"../../testdata/variants/sunrise_52week_q1.txt",
			"2003-12-27,Q1 FY2004,2003-09-27,Q1 FY2003"},
	}
	for _, tt := range tests {
		c := one(t, []*extract.Filing{parse(t, tt.doc)}, Options{})
		var got []string
		for _, p := range c.Periods {
			got = append(got, p.Name)
		}
		if strings.Join(got, ",") != tt.names {
			t.Errorf("%s: %s, want %s", filepath.Base(tt.doc), strings.Join(got, ","), tt.names)
		}
	}
}

func TestFiscalYearEndOverride(t *testing.T) {
	c := one(t, samples(t), Options{FiscalYearEnd: time.Date(2000, 12, 31, 0, 0, 0, 0, time.UTC)})
	if _, ok := c.Period("Q4 FY2003"); !ok {
		t.Error("with a December year end the quarter to 2003-12-31 is Q4 FY2003")
	}
}

// A year end the releases contradict ("year ended June 30" given 12-31)
// is warned about, names no 12 months ended June 30 a fiscal year, and
// gives no two periods one name.
func TestContradictedFiscalYearEnd(t *testing.T) {
	dec31 := time.Date(2000, 12, 31, 0, 0, 0, 0, time.UTC)
	var filings []*extract.Filing
	for _, n := range []string{"000_bb2e246abcbfccf3.txt", "001_0a551a66bcd04f48.txt", "002_841493e996f58f0e.txt"} {
		raw, err := os.ReadFile("../../testdata/filings/" + n)
		if err != nil {
			t.Fatal(err)
		}
		f, err := (&extract.Parser{FiscalYearEnd: dec31}).Parse(bytes.NewReader(raw), n)
		if err != nil {
			t.Fatal(err)
		}
		filings = append(filings, f)
	}
	c := one(t, filings, Options{FiscalYearEnd: dec31})
	warned := map[string]bool{}
	for _, d := range c.Diagnostics {
		if d.Severity == extract.Warning && strings.Contains(d.Msg, "fiscal year ends June 30") && strings.Contains(d.Msg, "12-31") {
			warned[d.File] = true
		}
	}
	if !warned["000_bb2e246abcbfccf3.txt"] || !warned["001_0a551a66bcd04f48.txt"] || len(warned) != 2 {
		t.Errorf("contradiction warned for %v, want the two releases with statements", warned)
	}
	spans := map[string]string{}
	for _, f := range c.Facts {
		span := f.Period.Period.String()
		if prev, ok := spans[f.Period.Name]; ok && prev != span {
			t.Errorf("%s names both %s and %s", f.Period.Name, prev, span)
		}
		spans[f.Period.Name] = span
	}
	if p, ok := c.Period("12M to 2003-06-30"); !ok || p.Kind != OtherSpan {
		t.Errorf("the 12 months ended 2003-06-30: %+v %v, want a span of its own", p, ok)
	}
	if p, ok := c.Period("FY2003"); ok {
		t.Errorf("FY2003 is %s; no release reports the year ended 2003-12-31", p.Period)
	}
}

func TestEventsFromReleasesWithoutStatements(t *testing.T) {
	c := one(t, samples(t), Options{})
	var got []string
	for _, e := range c.Events {
		got = append(got, e.Value.String()+" "+string(e.Unit))
	}
	if strings.Join(got, ",") != "4800000 USD,3100000 shares,11976 shares,2.39 USD/share,3200000 USD" {
		t.Errorf("events %v", got)
	}
}

// A figure printed in full units in one document and in thousands in
// another agrees within the coarser one's rounding; beyond it, the two
// conflict.
func TestConflictsRespectPrintedPrecision(t *testing.T) {
	const header = "ACME CORP. REPORTS RESULTS\n\n     CONSOLIDATED STATEMENTS OF OPERATIONS\n<TABLE>\n                    Year Ended December 31,\n"
	for _, tt := range []struct {
		name     string
		revenue  string // printed in full units; the other document prints 1,235 thousand
		conflict bool
	}{
		{"agree within rounding", "1,234,567", false},
		{"disagree beyond it", "1,240,000", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			full := parseBytes(t, []byte(header+"                           2002\nNet revenues          "+tt.revenue+"\n</TABLE>\n"), "full.txt")
			rounded := parseBytes(t, []byte(header+"(In thousands)             2002\nNet revenues              1,235\n</TABLE>\n"), "rounded.txt")
			c := one(t, []*extract.Filing{full, rounded}, Options{})
			f := c.Fact("revenue", "FY2002")
			if f == nil || len(f.Reported) != 2 {
				t.Fatalf("revenue FY2002: %+v", f)
			}
			if f.Conflict != tt.conflict {
				t.Errorf("conflict %v, want %v (%s and %s)", f.Conflict, tt.conflict, f.Reported[0].Value, f.Reported[1].Value)
			}
		})
	}
}

// One document stating a figure twice, differently, is a reading warning
// that keeps the first value, never a conflict between releases.
func TestSecondValueInOneDocumentIsAWarning(t *testing.T) {
	table := "     CONSOLIDATED STATEMENTS OF OPERATIONS\n<TABLE>\n                    Year Ended December 31,\n                           2002\nNet revenues              %s\n</TABLE>\n"
	doc := "ACME CORP. REPORTS RESULTS\n\n" + strings.Replace(table, "%s", "1,000", 1) + "\n\n" + strings.Replace(table, "%s", "1,100", 1)
	c := one(t, []*extract.Filing{parseBytes(t, []byte(doc), "twice.txt")}, Options{})
	f := c.Fact("revenue", "FY2002")
	if f == nil || f.Conflict || !f.Value.Equal(dec("1000")) {
		t.Fatalf("revenue FY2002: %+v", f)
	}
	for _, d := range c.Diagnostics {
		if strings.Contains(d.Msg, "stated again as 1100") && d.Line > 0 {
			return
		}
	}
	t.Errorf("no reading warning; diagnostics %v", c.Diagnostics)
}

// Two releases of one date that disagree: which one the model uses never
// depends on the order the files were given in.
func TestTieInReleaseDateIsDeterministic(t *testing.T) {
	release := func(name, revenue string) *extract.Filing {
		doc := "ACME WIDGETS INC. REPORTS RESULTS\n\nDALLAS, March 5, 2004 -- Acme Widgets Inc. (NYSE: ACW) reported results.\n\n" +
			"                CONSOLIDATED STATEMENTS OF OPERATIONS\n<TABLE>\n                     Three Months Ended December 31,\n" +
			"                          2003        2002\nNet revenues             " + revenue + "       1,000\nNet income                 100          90\n</TABLE>\n"
		f, err := (&extract.Parser{}).Parse(strings.NewReader(doc), name)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	a, b := release("a.txt", "1,250"), release("b.txt", "1,270")
	value := func(fs ...*extract.Filing) string {
		c := BuildOne(fs, Options{})
		for _, f := range c.Facts {
			if f.Item == "revenue" && f.Period.Period.End.Year() == 2003 {
				return f.Value.String()
			}
		}
		return ""
	}
	if x, y := value(a, b), value(b, a); x != y || x == "" {
		t.Errorf("revenue %q given a, b and %q given b, a: want one, the same", x, y)
	}
}

// With a cash-flow statement, runway is on the quarter's operating cash
// burn: 3,000,000 / 400,000 = 7.5 quarters; the runway on net loss is not
// used beside it.
func TestRunwayOnOperatingCashBurn(t *testing.T) {
	c := one(t, []*extract.Filing{parse(t, "../../testdata/cashflow/beta_q1_cash_burn.txt")}, Options{})
	if mv, _ := c.Metric("cash_runway", "2004-03-31"); !mv.Available || !mv.Value.Equal(dec("7.5")) {
		t.Errorf("runway on cash burn %+v, want 7.5", mv)
	}
	if mv, _ := c.Metric("cash_runway_net_loss", "2004-03-31"); mv.Available || !errors.Is(mv.Err, templates.ErrNotAvailable) {
		t.Errorf("runway on net loss beside a cash-flow statement: %+v", mv)
	}
}

// Operating margin uses the operating income a release reports: the
// variant states operating income but no total operating expenses.
func TestOperatingMarginFromReportedOperatingIncome(t *testing.T) {
	c := one(t, []*extract.Filing{parse(t, "../../testdata/variants/brightwater_submission_52week_millions.txt")}, Options{})
	for period, want := range map[string]string{
		"Q4 FY2003": "0.0788", // 32.5 / 412.6 = 0.07877
		"FY2003":    "0.0733", // 117.4 / 1,602.3 = 0.07327
	} {
		mv, ok := c.Metric("operating_margin", period)
		if !ok || !mv.Available || !mv.Value.Round(4).Equal(dec(want)) {
			t.Errorf("operating margin %s = %s (available %v), want %s", period, mv.Value, mv.Available, want)
		}
	}
}
