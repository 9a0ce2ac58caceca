package workbook

import (
	"strings"
	"testing"

	"finexport/extract"
	"finexport/extract/model"

	"github.com/xuri/excelize/v2"
)

// variantCompanies are the companies of the three variant releases.
func variantCompanies(t *testing.T) []*model.Company {
	t.Helper()
	var out []*model.Company
	for _, doc := range []string{"acme_dec_thousands_crlf_cp1252.txt", "brightwater_submission_52week_millions.txt", "sunrise_52week_q1.txt"} {
		out = append(out, model.Build([]*extract.Filing{parseFile(t, "../testdata/variants/"+doc)}, model.Options{})...)
	}
	return out
}

// checkRows returns the Checks sheet's rows under the header.
func checkRows(t *testing.T, f *excelize.File) [][]string {
	t.Helper()
	rows, err := f.GetRows(ChecksSheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows[checksHeader:]
}

// Every computed cell of the Checks sheet is a formula: the check's own
// computation over the cells of the figures the model bound it to, never
// a pasted number - also where a check of an earlier release reads a
// figure a later one restated (the conflicted company).
func TestEveryComputedCheckCellIsAFormula(t *testing.T) {
	companies := append([]*model.Company{sampleCompany(t), conflictedCompany(t)}, variantCompanies(t)...)
	for _, c := range companies {
		f := open(t, render(t, c))
		if formula, _ := cell(t, f, ChecksSheet, "B2"); formula == "" {
			t.Errorf("%s: the master check is no formula", c.Name)
		}
		ran := 0
		for i, r := range checkRows(t, f) {
			if len(r) < checkStatus || r[checkStatus-1] == "NOT RUN" {
				continue
			}
			ran++
			for _, col := range []int{5, 6, 8, 9} { // computed, difference, tolerance, status
				ref := cellName(col, checksHeader+1+i)
				if formula, v := cell(t, f, ChecksSheet, ref); formula == "" {
					t.Errorf("%s: Checks!%s (%s, %s) is the value %q, not a formula", c.Name, ref, r[0], r[1], v)
				}
			}
		}
		if ran == 0 {
			t.Errorf("%s: no check ran", c.Name)
		}
	}
}

// No formula hides an error behind IFERROR: only a zero denominator is
// guarded, so a #REF! a user's edit makes shows as an error.
func TestNoBlanketIFERROR(t *testing.T) {
	for _, c := range append([]*model.Company{sampleCompany(t), conflictedCompany(t)}, variantCompanies(t)...) {
		f := open(t, render(t, c))
		guarded := 0
		for _, sheet := range f.GetSheetList() {
			rows, _ := f.GetRows(sheet)
			for r := range rows {
				for col := range rows[r] {
					ref := cellName(col+1, r+1)
					formula, _ := f.GetCellFormula(sheet, ref)
					if strings.Contains(strings.ToUpper(formula), "IFERROR") {
						t.Errorf("%s: %s!%s: %s", c.Name, sheet, ref, formula)
					}
					if strings.HasPrefix(formula, "IF(") && strings.HasSuffix(formula, `,"n/a")`) {
						guarded++
					}
				}
			}
		}
		if guarded == 0 {
			t.Errorf("%s: no division is guarded against a zero denominator", c.Name)
		}
	}
}

// A release where nothing could be checked does not pass: the master
// check and the Cover say that no check ran.
func TestNoCheckRanIsNoPass(t *testing.T) {
	c := model.Build([]*extract.Filing{parseFile(t, "../testdata/filings/002_841493e996f58f0e.txt")}, model.Options{})[0]
	f := open(t, render(t, c))
	formula, v := cell(t, f, ChecksSheet, "B2")
	if v != "NO CHECK RAN" || !strings.Contains(formula, `"NO CHECK RAN"`) {
		t.Errorf("master check %q = %q, want NO CHECK RAN", formula, v)
	}
	if _, note := cell(t, f, ChecksSheet, "C2"); !strings.HasPrefix(note, "No check ran") {
		t.Errorf("master note %q", note)
	}
	rows, _ := f.GetRows(CoverSheet)
	found := false
	for _, r := range rows {
		if len(r) > 1 && r[0] == "Check status" {
			found = r[1] == "NO CHECK RAN"
		}
	}
	if !found {
		t.Errorf("the Cover's check status is not NO CHECK RAN: %q", rows)
	}
}

// A check that could not run is listed as not run, with its reason, and
// counts neither as passed nor as failed.
func TestNotRunChecksAreListed(t *testing.T) {
	c := model.Build([]*extract.Filing{parseFile(t, "../testdata/variants/sunrise_52week_q1.txt")}, model.Options{})[0]
	f := open(t, render(t, c))
	notRun := 0
	for _, r := range checkRows(t, f) {
		if len(r) > 10 && r[checkStatus-1] == "NOT RUN" {
			notRun++
			if r[1] == "Operating income (loss)" && !strings.HasPrefix(r[10], "Not run: not reported here: operating_expenses") {
				t.Errorf("reason %q", r[10])
			}
		}
	}
	// Operating income and net income, in both quarters: the release
	// reports neither total operating expenses nor income before taxes.
	if notRun != 4 {
		t.Errorf("%d checks not run, want 4", notRun)
	}
	if _, v := cell(t, f, ChecksSheet, "B2"); v != "PASS" {
		t.Errorf("master check %q, want PASS", v)
	}
}

// numFormat returns a cell's number format.
func numFormat(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	st := styleOf(t, f, sheet, ref)
	if st.CustomNumFmt == nil {
		return "General"
	}
	return *st.CustomNumFmt
}

// checkRowOf finds the sheet row of a check by name and period.
func checkRowOf(t *testing.T, f *excelize.File, name, period string) int {
	t.Helper()
	for i, r := range checkRows(t, f) {
		if len(r) > 2 && r[1] == name && r[2] == period {
			return checksHeader + 1 + i
		}
	}
	t.Fatalf("no check %s %s", name, period)
	return 0
}

// The Checks sheet reads as a finance sheet: a header row tall enough for
// its wrapped headings, tolerances and differences with the places they
// need, links in green.
func TestChecksSheetPresentation(t *testing.T) {
	f := open(t, render(t, sampleCompany(t)))
	if h, _ := f.GetRowHeight(ChecksSheet, checksHeader); h < 30 {
		t.Errorf("header row %.1f points high: \"Rounding allowance\" wraps to two lines", h)
	}
	// Gross profit, Q4 FY2003: its figures are printed in dollars, so
	// its tolerance is a few half dollars: 1.5 must not read "2".
	money := checkRowOf(t, f, "Gross profit", "Q4 FY2003")
	for _, col := range []int{7, 8} {
		if got := numFormat(t, f, ChecksSheet, cellName(col, money)); got != `#,##0.0_);(#,##0.0);"–"_)` {
			t.Errorf("Gross profit column %d format %q", col, got)
		}
	}
	// EPS basic Q4 FY2003: (0.03) stated against a net loss of $991,000
	// over about 39 million shares: a difference of -0.0047, which
	// "(0.00)" would show as a negative nothing.
	eps := checkRowOf(t, f, "EPS basic", "Q4 FY2003")
	for _, col := range []int{6, 7, 8} {
		if got := numFormat(t, f, ChecksSheet, cellName(col, eps)); got != `#,##0.0000_);(#,##0.0000);"–"_)` {
			t.Errorf("EPS basic column %d format %q", col, got)
		}
	}
	// A prose figure held against the table's: the computed cell is a
	// plain reference to the period sheet, a green link.
	prose := checkRowOf(t, f, "Prose: Revenue", "Q2 FY2004")
	formula, _ := cell(t, f, ChecksSheet, cellName(5, prose))
	if color, _ := fontColor(t, f, ChecksSheet, cellName(5, prose)); formula != "'Q2 FY2004'!C6" || color != "008000" {
		t.Errorf("prose revenue computed %q in %s, want a green link to 'Q2 FY2004'!C6", formula, color)
	}
}

// The Liquidity sheet shows the quarter's net income once: the metric
// that is net income links it, and the cash runway reads that row.
func TestLiquidityNetIncomeOnce(t *testing.T) {
	f := open(t, render(t, sampleCompany(t)))
	rows, _ := f.GetRows(LiquiditySheet)
	n, row := 0, 0
	for i, r := range rows {
		if len(r) > 2 && strings.Contains(strings.ToLower(r[0]), "net income") && r[2] != "" && i < len(rows)-8 {
			n++
			row = i + 1
		}
	}
	if n != 1 {
		t.Fatalf("net income stands on %d rows above the changes", n)
	}
	formula, _ := cell(t, f, LiquiditySheet, cellName(3, row))
	if color, _ := fontColor(t, f, LiquiditySheet, cellName(3, row)); !strings.HasPrefix(formula, "'Q4 FY2002'!") || color != "008000" {
		t.Errorf("net income 2002-06-30: %q in %s, want a green link to Q4 FY2002", formula, color)
	}
	runway := 0
	for i, r := range rows {
		if len(r) > 0 && strings.HasPrefix(r[0], "Runway on net loss") {
			runway = i + 1
			break
		}
	}
	if formula, _ := cell(t, f, LiquiditySheet, cellName(3, runway)); !strings.Contains(formula, cellName(3, row)) {
		t.Errorf("cash runway %q does not read the net income row %d", formula, row)
	}
}

// Derived quarters are marked where they are compared and on the Cover.
func TestDerivedQuartersMarked(t *testing.T) {
	f := open(t, render(t, sampleCompany(t)))
	sheet := "Q1 FY2004 vs Q1 FY2003"
	for _, ref := range []string{"C4", "D4"} {
		if _, v := cell(t, f, sheet, ref); !strings.HasSuffix(v, "(derived)") {
			t.Errorf("%s!%s heading %q, want it marked derived", sheet, ref, v)
		}
	}
	ref := cellName(3, rowOf(t, f, sheet, "Revenue"))
	if _, fill := fontColor(t, f, sheet, ref); fill != fillDerived {
		t.Errorf("%s!%s (derived revenue) fill %q", sheet, ref, fill)
	}
	rows, _ := f.GetRows(CoverSheet)
	if r := rows[rowOf(t, f, CoverSheet, "Quarters")-1]; len(r) < 2 || !strings.Contains(r[1], "Q1 FY2004 (derived), Q2 FY2004") {
		t.Errorf("Cover quarters %q", r)
	}
}
